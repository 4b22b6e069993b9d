/*
 * The plan as Markdown, for sharing with the mentor or pasting into the organisation's documents.
 * Pure: labels come in translated.
 */
import type { Plan, PlanTextField } from '../../schemas/plan';

export interface MarkdownLabels {
  title: string;
  exported: string;
  fields: Record<PlanTextField, string>;
  management: string;
  actions: string;
  what: string;
  who: string;
  due: string;
  status: string;
  statuses: Record<string, string>;
  challenges: string;
  challenge: string;
  response: string;
  questions: string;
  empty: string;
}

const management: readonly PlanTextField[] = [
  'budgetCycle',
  'annualCalendar',
  'performanceManagement',
  'investmentPlans',
];

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
const block = (text: string, empty: string): string => (text.trim() ? text.trim() : `_${empty}_`);

export function planToMarkdown(plan: Plan, l: MarkdownLabels): string {
  const out: string[] = [`# ${l.title}`, '', `_${l.exported}_`, ''];
  const field = (f: PlanTextField, level: string): void => {
    out.push(`${level} ${l.fields[f]}`, '', block(plan.texts[f], l.empty), '');
  };
  field('goals', '##');
  field('operatingModel', '##');
  field('responsibilities', '##');
  out.push(`## ${l.actions}`, '');
  if (plan.actions.length === 0) out.push(`_${l.empty}_`, '');
  else {
    out.push(`| ${l.what} | ${l.who} | ${l.due} | ${l.status} |`, '| --- | --- | --- | --- |');
    for (const a of plan.actions)
      out.push(`| ${cell(a.what)} | ${cell(a.who)} | ${cell(a.due)} | ${cell(l.statuses[a.status] ?? a.status)} |`);
    out.push('');
  }
  out.push(`## ${l.challenges}`, '');
  if (plan.challenges.length === 0) out.push(`_${l.empty}_`, '');
  plan.challenges.forEach((c, i) => {
    out.push(
      `### ${l.challenge} ${i + 1}`,
      '',
      block(c.need, l.empty),
      '',
      `**${l.response}:** ${block(c.response, l.empty)}`,
      '',
    );
  });
  out.push(`## ${l.management}`, '');
  for (const f of management) field(f, '###');
  field('mentorNotes', '##');
  out.push(`## ${l.questions}`, '');
  if (plan.questions.filter((q) => q.text.trim()).length === 0) out.push(`_${l.empty}_`, '');
  else out.push(...plan.questions.filter((q) => q.text.trim()).map((q) => `- ${q.text.trim()}`), '');
  return out.join('\n');
}
