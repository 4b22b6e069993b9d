/**
 * Build settings, read when the site is built.
 * - HANKINTAPOLKU_PILOT: pilot mode shows a "Pilot version" banner and a feedback prompt on every
 *   lesson. On unless set to "off" (a published course sets it off; the feedback link stays).
 * - PUBLIC_FEEDBACK_ENDPOINT: where feedback is sent; the same origin's /api/feedback by default.
 * - HANKINTAPOLKU_EXAMPLES: "on" builds the invented example schedules (academies with
 *   `example: true`) into the site, for demonstrations and the tests. Off by default, so a learner of
 *   a published course is never offered an invented programme as a real one.
 */
export const pilotMode: boolean = process.env['HANKINTAPOLKU_PILOT'] !== 'off';
export const examplesShown: boolean = process.env['HANKINTAPOLKU_EXAMPLES'] === 'on';
