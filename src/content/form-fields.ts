/**
 * The contact form's fields, described once: the element renders and checks them, and the
 * WordPress plugin's route checks the same names and limits (generated from this module).
 * The payload sends each field under its `name`.
 */
export interface FieldDescriptor {
  readonly name: 'name' | 'email' | 'phone' | 'message';
  /** The `<input>` type; a multiline field is a `<textarea>`. */
  readonly type: 'text' | 'email' | 'tel';
  readonly autocomplete?: 'name' | 'email' | 'tel';
  readonly required: boolean;
  readonly multiline: boolean;
  /**
   * The most characters (Unicode code points) a value may have. Longer values are refused
   * with a message, never cut: a visitor's words reach the practice whole or not at all.
   */
  readonly maxLength: number;
  /**
   * What a non-empty value must match: the source of an HTML `pattern` (a regular expression
   * matched against the whole value), which the plugin's route applies too.
   */
  readonly pattern?: string;
}

export const FIELD_DESCRIPTORS = [
  {
    name: 'name',
    type: 'text',
    autocomplete: 'name',
    required: true,
    multiline: false,
    maxLength: 200,
  },
  // 254: the longest address SMTP can carry (RFC 5321).
  {
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    required: true,
    multiline: false,
    maxLength: 254,
  },
  {
    name: 'phone',
    type: 'tel',
    autocomplete: 'tel',
    required: false,
    multiline: false,
    maxLength: 40,
    // Digits, spaces and + ( ) - . with at least one digit. Escaped for the `v` flag that
    // browsers compile `pattern` with.
    pattern: '(?=.*[0-9])[0-9 +\\(\\)\\.\\-]+',
  },
  {name: 'message', type: 'text', required: true, multiline: true, maxLength: 5000},
] as const satisfies readonly FieldDescriptor[];

export type FieldName = (typeof FIELD_DESCRIPTORS)[number]['name'];

/** The fields' names, in order. */
export const FIELDS = FIELD_DESCRIPTORS.map((field) => field.name);

/**
 * What a `submissionId` must look like (the element sends a UUID, or four random numbers
 * joined by `-` outside secure contexts): letters, digits, `-` and `_`, 8 to 100 of them.
 */
export const SUBMISSION_ID_PATTERN = '[A-Za-z0-9_-]{8,100}';
