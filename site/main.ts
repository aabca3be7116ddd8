// The configurator page's entry: the build's data (pre-rendered parts, hashes, version) handed
// to the element. The article element itself comes from the drop-in, loaded by index.html.
import data from 'virtual:configurator-data';
import {defineConfigurator} from './configurator.js';

defineConfigurator();
const configurator = document.querySelector('therapist-configurator');
if (configurator) configurator.data = data;
