// The element with nothing set on a page styled by Bootstrap 5 (from npm, served locally).
import {itMatchesThePage, pageWith, useStylesheet} from './blend-helpers.js';

describe('blending into a Bootstrap 5 page', () => {
  itMatchesThePage(
    async () => {
      await useStylesheet('/node_modules/bootstrap/dist/css/bootstrap.min.css');
      return pageWith(`
        <h2 id="native-title">A heading of the page</h2>
        <p id="native-text">A paragraph of the page, with <a href="#x">a link</a>.</p>
        <a id="native-button" class="btn btn-primary" href="#x">Primary</a>`);
    },
    {button: 'rgb(13, 110, 253)'},
  );
});
