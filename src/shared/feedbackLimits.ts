// The feedback form's limits and types, without the schema library, so the form can load them cheaply.

export const feedbackTypes = ['comment', 'question', 'wish'] as const;
export type FeedbackType = (typeof feedbackTypes)[number];

export const FEEDBACK_TEXT_MAX = 2000;
export const FEEDBACK_NAME_MAX = 120;
/** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
export const FEEDBACK_EMAIL_MAX = 254;
export const CONTENT_VERSION_MAX = 64;
