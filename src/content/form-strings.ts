/**
 * Every text the contact form shows, in English. A site replaces any of them through the
 * element's `strings` property or its `form-strings` attribute (JSON), so a practice can
 * write to its visitors in their language. Values are only ever shown as text.
 */
export interface FormStrings {
  /**
   * BCP 47 language of the strings, when they are not in English (the article's language),
   * so screen readers pronounce them right. Empty: the article's `en`.
   */
  lang: string;
  /** The privacy line above the fields. */
  privacy: string;
  /**
   * The crisis line. `[text](tel:…)` and `[text](sms:…)` become links; any other target
   * is shown as plain text.
   */
  crisis: string;
  name: string;
  email: string;
  phone: string;
  message: string;
  /** Added after the label of each required field. */
  required: string;
  nameError: string;
  emailError: string;
  /** A phone number with other characters than digits, spaces and + ( ) - . */
  phoneError: string;
  messageError: string;
  /** A field longer than its limit; `{max}` is replaced by the limit. */
  tooLong: string;
  /** The submit button. */
  send: string;
  /**
   * Under a pre-rendered form whose endpoint takes JSON only (`form-encoding="json"`), until
   * the script has loaded: sending needs JavaScript. The call-to-action link follows it.
   */
  needsScript: string;

  /** The submit button after a failure. */
  retry: string;
  sending: string;
  /** The thank-you, saying what happens next. */
  sent: string;
  /**
   * The endpoint accepted the message for later delivery (`202 Accepted`: the WordPress
   * plugin's answer when the site's mail fails and it keeps the message for the practice).
   */
  received: string;
  /** What went wrong and what to try; the fields keep their text. */
  failed: string;
}

export const formStrings: FormStrings = {
  lang: '',
  privacy: 'Please don’t include health details. This form isn’t monitored around the clock.',
  crisis:
    'In an emergency, [call 988](tel:988) or [text 988](sms:988) (Suicide & Crisis Lifeline), or [call 911](tel:911).',
  name: 'Name',
  email: 'Email',
  phone: 'Phone (optional)',
  message: 'Message',
  required: '(required)',
  nameError: 'Please enter your name.',
  emailError: 'Please enter an email address, like name@example.com.',
  phoneError:
    'Please use only digits, spaces and + ( ) - . in the phone number, or leave it empty.',
  messageError: 'Please write a message.',
  tooLong: 'Please shorten this to {max} characters or fewer.',
  send: 'Send message',
  needsScript: 'This form needs JavaScript to send. You can reach out here:',
  retry: 'Try again',
  sending: 'Sending…',
  sent: 'Thank you, your message was sent. We’ll reply to the email address you gave.',
  received: 'Thank you, your message was received and will be passed on to the practice.',
  failed:
    'Sorry, your message could not be sent. Your text is still here: please check your connection and try again.',
};
