// The element with nothing set on a page styled by Pico CSS 2 (from npm, served locally): Pico
// styles bare elements, so its primary button is a plain <button>.
import {itMatchesThePage, pageWith, useStylesheet} from './blend-helpers.js';

describe('blending into a Pico CSS page', () => {
  itMatchesThePage(
    async () => {
      await useStylesheet('/node_modules/@picocss/pico/css/pico.min.css');
      return pageWith(`
        <h2 id="native-title">A heading of the page</h2>
        <p id="native-text">A paragraph of the page, with <a href="#x">a link</a>.</p>
        <button id="native-button" type="button">Primary</button>`);
    },
    {button: 'rgb(1, 114, 173)'},
  );
});
