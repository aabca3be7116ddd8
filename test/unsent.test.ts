import {expect} from '@open-wc/testing';
import {shadow} from './helpers.js';
import {button, fill, newRun, renderForm, submitAndWait, visitor} from './form-helpers.js';

/** Whether leaving the page now would ask first (the browser shows its own question). */
const asks = () => {
  const leaving = new Event('beforeunload', {cancelable: true});
  dispatchEvent(leaving);
  return leaving.defaultPrevented;
};

describe('an unsent message', () => {
  it('an empty form lets the visitor leave without a question', async () => {
    await renderForm();
    expect(asks()).to.equal(false);
  });

  it('once the visitor has typed, leaving asks first; emptied again, it does not', async () => {
    const el = await renderForm();
    fill(el, {message: 'I have been wondering whether'});
    expect(asks()).to.equal(true);
    fill(el, {message: ''});
    expect(asks()).to.equal(false);
  });

  it('a sent message lets the visitor leave', async () => {
    const el = await renderForm({'form-action': `/__contact/ok?run=${newRun()}`});
    fill(el);
    expect(asks()).to.equal(true);
    const outcome = await submitAndWait(el);
    expect(outcome.type).to.equal('therapist-article-form-sent');
    expect(asks()).to.equal(false);
  });

  it('a failed send keeps asking: the words are still only in the fields', async () => {
    const el = await renderForm({'form-action': `/__contact/error?run=${newRun()}`});
    fill(el);
    await submitAndWait(el);
    expect(asks()).to.equal(true);
  });

  it('an element taken off the page stops asking', async () => {
    const el = await renderForm();
    fill(el, {name: visitor.name});
    expect(asks()).to.equal(true);
    el.remove();
    expect(asks()).to.equal(false);
  });
});

describe('the form, once its script runs', () => {
  it('checks the fields itself and can send, whatever the endpoint takes', async () => {
    for (const encoding of ['json', 'urlencoded']) {
      const el = await renderForm({'form-encoding': encoding});
      const form = shadow(el).querySelector('form')!;
      expect(form.noValidate, encoding).to.equal(true);
      expect(form.method, encoding).to.equal('post');
      expect(button(el).disabled, encoding).to.equal(false);
      expect(shadow(el).textContent, encoding).to.not.include('needs JavaScript');
    }
  });
});
