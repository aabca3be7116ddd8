// Entry of the self-contained drop-in file: Lit and the element in one classic script.
import './define.js';
