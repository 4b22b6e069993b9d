import { describe, expect, it } from 'vitest';
import { FEEDBACK_TEXT_MAX, WHOLE_ITEM, feedbackItemSchema, fieldErrors } from '../../src/shared/feedback';
import { feedbackQuerySchema } from '../../server/collector/query';

const valid = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  type: 'question',
  rating: 4,
  text: 'Mitä tarkoittaa markkinavuoropuhelu?',
  name: 'Pilotti Testaaja',
  email: 'pilotti@example.fi',
  moduleId: 'goals',
  lessonId: 'why-it-matters',
  lang: 'fi',
  contentVersion: '2025-01-31.1',
  createdAt: '2025-01-31T10:15:00.000Z',
};

const errorsOf = (input: unknown): Record<string, string> => {
  const result = feedbackItemSchema.safeParse(input);
  if (result.success) throw new Error('expected the item to be refused');
  return fieldErrors(result.error);
};

describe('feedback item schema', () => {
  it('accepts a complete item and keeps every field', () => {
    expect(feedbackItemSchema.parse(valid)).toEqual(valid);
  });

  it('accepts an item with only the required fields', () => {
    const { id, type, text, lang, contentVersion, createdAt } = valid;
    expect(feedbackItemSchema.safeParse({ id, type, text, lang, contentVersion, createdAt }).success).toBe(true);
  });

  it('trims the text, name and email', () => {
    const item = feedbackItemSchema.parse({ ...valid, text: '  hello \n', name: ' Anna ', email: ' a@b.fi ' });
    expect(item).toMatchObject({ text: 'hello', name: 'Anna', email: 'a@b.fi' });
  });

  it('drops fields it does not know instead of storing them', () => {
    expect(feedbackItemSchema.parse({ ...valid, isAdmin: true })).not.toHaveProperty('isAdmin');
  });

  it('accepts a creation time with a UTC offset', () => {
    expect(feedbackItemSchema.safeParse({ ...valid, createdAt: '2025-01-31T12:15:00+02:00' }).success).toBe(true);
  });

  it('names every missing required field with its own message', () => {
    expect(errorsOf({})).toEqual({
      id: 'An id is required.',
      type: 'Choose a feedback type.',
      text: 'Write your feedback.',
      lang: 'The language is required.',
      contentVersion: 'The content version is required.',
      createdAt: 'The creation time is required.',
    });
  });

  it('refuses text that is only whitespace', () => {
    expect(errorsOf({ ...valid, text: ' \n\t ' })).toEqual({ text: 'Write your feedback: the text is empty.' });
  });

  it('refuses text longer than 2000 characters but accepts exactly 2000', () => {
    expect(feedbackItemSchema.safeParse({ ...valid, text: 'a'.repeat(FEEDBACK_TEXT_MAX) }).success).toBe(true);
    expect(errorsOf({ ...valid, text: 'a'.repeat(FEEDBACK_TEXT_MAX + 1) })).toEqual({
      text: 'The feedback text is too long: at most 2000 characters.',
    });
  });

  it.each([0, 6, 2.5, '4'])('refuses the rating %j', (rating) => {
    expect(errorsOf({ ...valid, rating })).toEqual({ rating: 'The rating must be a whole number from 1 to 5.' });
  });

  it('refuses an id that is not a UUID v4', () => {
    expect(errorsOf({ ...valid, id: 'not-a-uuid' })).toEqual({ id: 'The id must be a UUID v4.' });
    // A version 1 UUID is well formed but not random: a client bug we want to hear about.
    expect(errorsOf({ ...valid, id: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' })).toEqual({
      id: 'The id must be a UUID v4.',
    });
  });

  it('refuses an unknown type, module, language or lesson id format', () => {
    expect(errorsOf({ ...valid, type: 'bug', moduleId: 'Intro', lang: 'xx', lessonId: 'Why It Matters' })).toEqual({
      type: 'The type must be comment, question or wish.',
      moduleId: 'The module id must use only lowercase letters, digits and hyphens, e.g. "goals".',
      lang: 'The language must be one of: fi, en.',
      lessonId: 'The lesson id must use only lowercase letters, digits and hyphens, e.g. "why-it-matters".',
    });
  });

  it('refuses an invalid or overlong email address and an overlong name', () => {
    expect(errorsOf({ ...valid, email: 'pilotti@' })).toEqual({
      email: 'The email address is not valid, e.g. name@example.fi.',
    });
    expect(errorsOf({ ...valid, email: `${'a'.repeat(250)}@example.fi` })).toEqual({
      email: 'The email address is too long: at most 254 characters.',
    });
    expect(errorsOf({ ...valid, name: 'n'.repeat(121) })).toEqual({
      name: 'The name is too long: at most 120 characters.',
    });
  });

  it('refuses a content version longer than 64 characters and a creation time that is not ISO 8601', () => {
    expect(errorsOf({ ...valid, contentVersion: 'v'.repeat(65), createdAt: '31.1.2025 10:15' })).toEqual({
      contentVersion: 'The content version is too long: at most 64 characters.',
      createdAt: 'The creation time must be an ISO 8601 date and time that exists, e.g. 2025-01-31T10:15:00Z.',
    });
  });

  it.each([
    '2025-02-30T10:00:00Z',
    '2024-13-01T10:00:00Z',
    '2025-01-31T24:00:00Z',
    '2025-01-31T10:60:00Z',
    '2025-01-31T10:00:00+25:00',
  ])('refuses the creation time %s, which does not exist', (createdAt) => {
    expect(Object.keys(errorsOf({ ...valid, createdAt }))).toEqual(['createdAt']);
  });

  it('accepts 29 February in a leap year and an offset', () => {
    expect(feedbackItemSchema.safeParse({ ...valid, createdAt: '2024-02-29T23:59:59.999+02:00' }).success).toBe(true);
  });

  it('stores a UUID in lower case whatever case it was sent in', () => {
    expect(feedbackItemSchema.parse({ ...valid, id: valid.id.toUpperCase() }).id).toBe(valid.id);
  });

  it('reports a body that is not an object under the whole-item key', () => {
    expect(errorsOf([valid])).toEqual({ [WHOLE_ITEM]: 'The feedback must be a JSON object.' });
    expect(errorsOf(null)).toEqual({ [WHOLE_ITEM]: 'The feedback must be a JSON object.' });
  });
});

describe('feedback review filters', () => {
  it('accepts a module, lesson, type and a date or date-time for since', () => {
    expect(feedbackQuerySchema.parse({ module: 'tools', lesson: 'a-b', type: 'wish', since: '2025-01-31' })).toEqual({
      module: 'tools',
      lesson: 'a-b',
      type: 'wish',
      since: '2025-01-31',
    });
    expect(feedbackQuerySchema.safeParse({ since: '2025-01-31T08:00:00Z' }).success).toBe(true);
  });

  it('refuses a since date that does not exist', () => {
    expect(feedbackQuerySchema.safeParse({ since: '2025-02-30' }).success).toBe(false);
    expect(feedbackQuerySchema.safeParse({ since: '2025-02-30T00:00:00Z' }).success).toBe(false);
  });

  it('explains a since that is not a date', () => {
    const result = feedbackQuerySchema.safeParse({ since: 'yesterday' });
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toEqual(['since']);
  });
});
