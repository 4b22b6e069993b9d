import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { academySchema } from '../../src/schemas/academy';
import { emptyPlan, PLAN_FILE_MAX_BYTES } from '../../src/schemas/plan';
import { editPlan, mergePlans, parsePlan, readPlanFile } from '../../src/features/plan/model';
import { emptySelfAssessment, statements } from '../../src/schemas/selfAssessment';
import {
  answer,
  averages,
  focusModules,
  mergeSelfAssessments,
  parseSelfAssessment,
} from '../../src/features/selfAssessment/model';
import { emptyTeam, type Summary } from '../../src/schemas/teamSummary';
import { addMembers, buildSummary, readSummaryFile, summaryFileName } from '../../src/features/team/model';
import { NewerFormatError } from '../../src/storage/documentStore';
import { planToMarkdown, type MarkdownLabels } from '../../src/features/plan/markdown';
import { buildCourse, makeCourse } from './helpers/buildFixture';
import { validateAcademies } from '../../src/course/validateAcademies';
import type { ContentError } from '../../src/course/validateCourse';

const at = (iso: string): Date => new Date(iso);
const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('academy schedules (content/academies/*.yaml)', () => {
  it('accepts the shipped example and the self-paced default', () => {
    for (const file of ['esimerkkiakatemia-2026-2027.yaml', 'self-paced.yaml']) {
      const data = academySchema.parse(parseYaml(readFileSync(join('content/academies', file), 'utf8')));
      expect(data.id).toBe(file.replace('.yaml', ''));
    }
    const example = academySchema.parse(
      parseYaml(readFileSync('content/academies/esimerkkiakatemia-2026-2027.yaml', 'utf8')),
    );
    expect(example.meetings).toHaveLength(4);
    expect(example.example).toBe(true);
  });

  const valid = {
    id: 'a',
    name: { fi: 'A', en: 'A' },
    description: { fi: 'A', en: 'A' },
    meetings: [
      {
        id: 'm1',
        date: '2026-10-22',
        start: '09:00',
        end: '12:00',
        place: 'online',
        theme: { fi: 'T', en: 'T' },
        due: ['goals'],
      },
    ],
  };
  const issuesOf = (data: unknown): string[] => {
    const result = academySchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const withMeeting = (change: Record<string, unknown>) => ({
    ...valid,
    meetings: [{ ...valid.meetings[0], ...change }],
  });

  it('names the field of a malformed meeting', () => {
    expect(issuesOf(valid)).toEqual([]);
    expect(issuesOf(withMeeting({ date: '22.10.2026' }))).toEqual([
      'meetings.0.date: must be a date such as 2026-10-08',
    ]);
    expect(issuesOf(withMeeting({ start: 900 }))).toEqual([
      'meetings.0.start: must be a time in quotes, such as "09:00"',
    ]);
    expect(issuesOf(withMeeting({ end: '08:00' }))).toEqual(['meetings.0.end: must end after it starts']);
    expect(issuesOf(withMeeting({ due: ['Goals'] }))[0]).toMatch(/^meetings\.0\.due\.0: must use only lowercase/);
    expect(issuesOf(withMeeting({ place: 'Helsinki' }))[0]).toMatch(/^meetings\.0\.place: /);
    expect(issuesOf(withMeeting({ theme: { fi: 'T' } }))[0]).toMatch(
      /^meetings\.0\.theme\.en: English text is required/,
    );
  });

  it('refuses meetings out of order or with the same id', () => {
    const second = { ...valid.meetings[0], id: 'm2', date: '2026-10-01' };
    expect(issuesOf({ ...valid, meetings: [valid.meetings[0], second] })).toEqual([
      'meetings: must list the meetings in date order, one per day',
    ]);
    expect(issuesOf({ ...valid, meetings: [valid.meetings[0], { ...valid.meetings[0], date: '2026-11-01' }] })).toEqual(
      ['meetings: has two meetings with the same id'],
    );
  });

  it('refuses a module due before a meeting that is not a module of the course, naming the file and field', () => {
    const data = academySchema.parse(
      parseYaml(readFileSync('content/academies/esimerkkiakatemia-2026-2027.yaml', 'utf8')),
    );
    const entry = (due: string[]) => ({
      id: data.id,
      filePath: `content/academies/${data.id}.yaml`,
      data: { ...data, meetings: data.meetings.map((m, i) => (i === 1 ? { ...m, due } : m)) },
    });
    const modules = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];
    expect(() => validateAcademies([entry(['goals'])], modules)).not.toThrow();
    const error = (() => {
      try {
        validateAcademies([entry(['goals', 'ethics'])], modules);
      } catch (e) {
        return e as ContentError;
      }
      return undefined;
    })();
    expect(error?.problems).toEqual([
      `content/academies/${data.id}.yaml: field "meetings.1.due.1" "ethics" is not a module of the course; known ids: ${modules.join(', ')}`,
    ]);
    // A course that has the module accepts the same file.
    expect(() => validateAcademies([entry(['goals', 'ethics'])], [...modules, 'ethics'])).not.toThrow();
  });

  it('reads an unquoted YAML date as the same calendar day', () => {
    const data = academySchema.parse(
      parseYaml('id: a\nname: {fi: A, en: A}\ndescription: {fi: A, en: A}\nstarts: 2026-09-07\n'),
    );
    expect(data.starts).toBe('2026-09-07');
  });

  it('stops the real build naming the file and the field of a malformed schedule', () => {
    const dir = makeCourse();
    mkdirSync(join(dir, 'content', 'academies'), { recursive: true });
    writeFileSync(
      join(dir, 'content', 'academies', 'broken.yaml'),
      'id: broken\nname: {fi: A, en: A}\ndescription: {fi: A, en: A}\nmeetings:\n  - id: m1\n    date: 2026-10-22\n    start: "9"\n    end: "12:00"\n    place: online\n    theme: {fi: T, en: T}\n',
    );
    const { status, output } = buildCourse(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('broken.yaml');
    expect(output).toContain('meetings.0.start');
  });
});

describe('development plan document', () => {
  it('keeps edits part by part when two tabs merge, whichever order they arrive in', () => {
    const base = emptyPlan();
    const a = editPlan(base, 'goals', 'Hiilineutraalit hankinnat', at('2026-11-01T10:00:00Z'));
    const b = editPlan(
      base,
      'actions',
      [{ id: 'x', what: 'Markkinavuoropuhelu', who: 'Hankintapäällikkö', due: '2027-01-31', status: 'planned' }],
      at('2026-11-01T10:01:00Z'),
    );
    for (const merged of [mergePlans(a, b), mergePlans(b, a)]) {
      expect(merged.texts.goals).toBe('Hiilineutraalit hankinnat');
      expect(merged.actions).toHaveLength(1);
    }
    const later = editPlan(a, 'goals', 'Uudempi', at('2026-11-01T11:00:00Z'));
    expect(mergePlans(a, later).texts.goals).toBe('Uudempi');
    expect(mergePlans(later, a).texts.goals).toBe('Uudempi');
  });

  it('merges a plan without edit times into an empty one instead of quietly keeping the empty one', () => {
    const written = editPlan(emptyPlan(), 'goals', 'Kierrätetyt materiaalit', at('2026-11-01T10:00:00Z'));
    written.actions = [{ id: 'y', what: 'Elinkaarikustannukset', who: 'Tiimi', due: '2027-02-28', status: 'planned' }];
    const withoutTimes = { ...written, edits: {} };
    const merged = mergePlans(emptyPlan(), withoutTimes);
    expect(merged.texts.goals).toBe('Kierrätetyt materiaalit');
    expect(merged.actions).toHaveLength(1);
    // A part written on this side stays when the other side says nothing later about it.
    const mine = editPlan(emptyPlan(), 'goals', 'Oma tavoite', at('2026-11-02T10:00:00Z'));
    expect(mergePlans(mine, withoutTimes).texts.goals).toBe('Oma tavoite');
    // A part cleared later stays cleared.
    const cleared = editPlan(written, 'goals', '', at('2026-11-03T10:00:00Z'));
    expect(mergePlans(cleared, written).texts.goals).toBe('');
    expect(mergePlans(written, cleared).texts.goals).toBe('');
  });

  it('imports an exported plan file', () => {
    const plan = editPlan(emptyPlan(), 'mentorNotes', 'Kysy budjetista', at('2026-11-01T10:00:00Z'));
    const text = JSON.stringify(plan);
    expect(readPlanFile(text, bytes(text))).toEqual({ ok: true, doc: plan });
  });

  it('refuses malformed, foreign, newer and oversized files with a reason', () => {
    const refusal = (text: string, size = bytes(text)) => {
      const result = readPlanFile(text, size);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refusal('{not json')).toBe('json');
    expect(refusal('[]')).toBe('kind');
    expect(refusal(JSON.stringify({ kind: 'hankintapolku.export', formatVersion: 1 }))).toBe('kind');
    expect(refusal(JSON.stringify({ ...emptyPlan(), schemaVersion: 2 }))).toBe('newer');
    expect(
      refusal(
        JSON.stringify({
          ...emptyPlan(),
          actions: [{ id: 'x', what: 'a', who: 'b', due: 'tomorrow', status: 'planned' }],
        }),
      ),
    ).toBe('invalid');
    expect(
      refusal(
        JSON.stringify({
          ...emptyPlan(),
          challenges: [1, 2, 3, 4].map((n) => ({ id: `c${n}`, need: '', response: '' })),
        }),
      ),
    ).toBe('invalid');
    expect(refusal(JSON.stringify(emptyPlan()), PLAN_FILE_MAX_BYTES + 1)).toBe('size');
    const invalid = readPlanFile(JSON.stringify({ ...emptyPlan(), texts: { goals: 5 } }), 100);
    expect(invalid.ok ? '' : invalid.detail).toMatch(/texts/);
  });

  it('tells a newer stored plan apart from an unreadable one, so storage leaves it in place', () => {
    expect(() => parsePlan({ ...emptyPlan(), schemaVersion: 9 })).toThrow(NewerFormatError);
    expect(() => parsePlan({ kind: 'hankintapolku.plan' })).toThrow(Error);
    expect(() => parsePlan({ kind: 'hankintapolku.plan' })).not.toThrow(NewerFormatError);
  });

  it('exports Markdown with every part, the action table escaped', () => {
    let plan = editPlan(emptyPlan(), 'goals', 'Tavoite', at('2026-11-01T10:00:00Z'));
    plan = editPlan(
      plan,
      'actions',
      [{ id: 'x', what: 'A | B', who: 'Minä', due: '2027-01-31', status: 'done' }],
      at('2026-11-01T10:00:00Z'),
    );
    plan = editPlan(plan, 'questions', [{ id: 'q', text: 'Miten mitataan?' }], at('2026-11-01T10:00:00Z'));
    const labels: MarkdownLabels = {
      title: 'Plan',
      exported: 'today',
      fields: {
        goals: 'Goals',
        operatingModel: 'Model',
        responsibilities: 'Resp',
        budgetCycle: 'Budget',
        annualCalendar: 'Calendar',
        performanceManagement: 'Perf',
        investmentPlans: 'Invest',
        mentorNotes: 'Mentor',
      },
      management: 'Management',
      actions: 'Actions',
      what: 'What',
      who: 'Who',
      due: 'Due',
      status: 'Status',
      statuses: { done: 'Done' },
      challenges: 'Challenges',
      challenge: 'Challenge',
      response: 'Response',
      questions: 'Questions',
      empty: 'empty',
    };
    const md = planToMarkdown(plan, labels);
    expect(md).toContain('## Goals\n\nTavoite');
    expect(md).toContain('| A \\| B | Minä | 2027-01-31 | Done |');
    expect(md).toContain('- Miten mitataan?');
    for (const heading of [
      '## Model',
      '## Resp',
      '### Budget',
      '### Calendar',
      '### Perf',
      '### Invest',
      '## Mentor',
      '## Challenges',
    ]) {
      expect(md).toContain(heading);
    }
  });
});

describe('self-assessment document', () => {
  it('has 12–16 statements covering all seven modules', () => {
    expect(statements.length).toBeGreaterThanOrEqual(12);
    expect(statements.length).toBeLessThanOrEqual(16);
    expect(new Set(statements.map((s) => s.moduleId)).size).toBe(7);
  });

  it('averages per module and overall, and names the weakest modules to focus on', () => {
    let doc = emptySelfAssessment();
    for (const s of statements)
      doc = answer(
        doc,
        'before',
        s.id,
        s.moduleId === 'measurement' ? 1 : s.moduleId === 'tools' ? 2 : 4,
        at('2026-09-01T10:00:00Z'),
      );
    expect(averages(doc.before).byModule.measurement).toBe(1);
    expect(averages(doc.before).overall).toBe(3.3);
    expect(focusModules(doc)).toEqual(['measurement', 'tools']);
    for (const s of statements) doc = answer(doc, 'after', s.id, 4, at('2027-03-01T10:00:00Z'));
    expect(focusModules(doc)).toEqual(['background', 'teamwork']);
  });

  it('refuses answers off the scale and unknown statements', () => {
    expect(() =>
      parseSelfAssessment({
        ...emptySelfAssessment(),
        before: { answers: { 'goals-set': 6 }, updatedAt: '2026-01-01T00:00:00Z' },
      }),
    ).toThrow();
    expect(() =>
      parseSelfAssessment({
        ...emptySelfAssessment(),
        before: { answers: { nope: 3 }, updatedAt: '2026-01-01T00:00:00Z' },
      }),
    ).toThrow();
  });

  it('merges tabs round by round', () => {
    const a = answer(emptySelfAssessment(), 'before', 'goals-set', 2, at('2026-09-01T10:00:00Z'));
    const b = answer(emptySelfAssessment(), 'after', 'goals-set', 5, at('2027-03-01T10:00:00Z'));
    expect(mergeSelfAssessments(a, b)).toEqual({ ...a, after: b.after });
  });
});

describe('team summary files', () => {
  const summary = (name: string, id: string, exportedAt = '2026-11-20T10:00:00Z'): Summary => ({
    ...buildSummary({
      id,
      name,
      now: at(exportedAt),
      modules: {
        background: 'completed',
        teamwork: 'in-progress',
        goals: 'not-started',
        constraints: 'not-started',
        tools: 'not-started',
        measurement: 'not-started',
        support: 'not-started',
      },
      before: 2.5,
      after: null,
    }),
  });

  it('reads a summary back and keeps one row per member, the newest export winning', () => {
    const text = JSON.stringify(summary('Maija', 'aaaaaaaa-1111'));
    const read = readSummaryFile(text, bytes(text));
    expect(read.ok).toBe(true);
    let team = addMembers(emptyTeam(), [summary('Maija', 'aaaaaaaa-1111'), summary('Pekka', 'bbbbbbbb-2222')]);
    team = addMembers(team, [summary('Maija V.', 'aaaaaaaa-1111', '2026-11-21T10:00:00Z')]);
    expect(team.members.map((m) => m.name)).toEqual(['Maija V.', 'Pekka']);
  });

  it('refuses foreign, malformed, newer and oversized files', () => {
    const reason = (value: unknown, size?: number): string => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const result = readSummaryFile(text, size ?? bytes(text));
      return result.ok ? 'accepted' : result.reason;
    };
    const good = summary('Maija', 'aaaaaaaa-1111');
    expect(reason('hello')).toBe('json');
    expect(reason(emptyPlan())).toBe('kind');
    expect(reason({ ...good, schemaVersion: 2 })).toBe('newer');
    expect(reason({ ...good, name: '   ' })).toBe('invalid');
    expect(reason({ ...good, modules: { 'Not an id': 'completed' } })).toBe('invalid');
    expect(reason({ ...good, modules: { background: 'done' } })).toBe('invalid');
    expect(reason({ ...good, assessment: { before: 7, after: null } })).toBe('invalid');
    expect(reason(good, 65 * 1024)).toBe('size');
  });

  it('makes a safe file name from the chosen name', () => {
    expect(summaryFileName('Äijä Öhman / Hankinnat', 'yhteenveto')).toBe(
      'hankintapolku-yhteenveto-aija-ohman-hankinnat.json',
    );
    expect(summaryFileName('???', 'summary')).toBe('hankintapolku-summary-member.json');
  });
});
