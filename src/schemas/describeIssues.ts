/**
 * A schema error as short readable lines ("lessons.goals/x.completedAt: must be an ISO date-time"),
 * without zod's own pretty-printer, which is bigger than the browser needs.
 */
export function describeIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('\n');
}
