/** The admin token the test server is started with, so the tests can open the feedback review. */
export const REVIEW_TOKEN = 'e2e-review-token-7c1f-0123456789abcdef';
