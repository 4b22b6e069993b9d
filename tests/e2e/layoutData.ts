/*
 * Representative learner data for the layout tests: what a busy learner's browser holds after some
 * weeks of the course and the self-study programme. It is one "My data" file, imported through the
 * My data page exactly as a learner moving to a new device would, so the pages are filled the way
 * the app fills them. Long Finnish words and long cells are on purpose: they are what breaks a phone.
 */
import { expect, type Browser, type BrowserContext } from '@playwright/test';
import type { CourseManifest } from '../../src/schemas/manifest';
import { statementIds } from '../../src/schemas/selfAssessment';
import { importFile, manifestOf } from './helpers';

const at = '2026-11-20T09:00:00.000Z';
const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'] as const;

/** A UUID v4 made from a number, so the data is the same on every run. */
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function progress(manifest: CourseManifest): Record<string, unknown> {
  const lessons: Record<string, { firstOpenedAt: string; completedAt?: string }> = {};
  const quizzes: Record<string, { attempts: number; bestScore: number; passedAt: string; lastAttemptAt: string }> = {};
  const notes: Record<string, { text: string; updatedAt: string }> = {};
  manifest.modules.forEach((m, i) => {
    // The first two modules done, the third half way, the rest not started.
    if (i > 2) return;
    m.lessons.forEach((l, j) => {
      const done = i < 2 || j < 2;
      lessons[`${m.id}/${l.id}`] = done ? { firstOpenedAt: at, completedAt: at } : { firstOpenedAt: at };
      notes[`${m.id}/${l.id}`] = {
        text: 'Hankintayksikön kilpailutussuunnitelmassa pitää huomioida elinkaarikustannukset ja markkinavuoropuhelu.',
        updatedAt: at,
      };
    });
    if (i < 2) quizzes[m.id] = { attempts: 2, bestScore: 0.9, passedAt: at, lastAttemptAt: at };
  });
  return {
    kind: 'hankintapolku.progress',
    schemaVersion: 1,
    contentVersion: manifest.contentVersion,
    updatedAt: at,
    courseStartedAt: at,
    lessons,
    quizzes,
    notes,
  };
}

/** A plan with five actions, three challenges and open questions, every text part written. */
function plan(): Record<string, unknown> {
  const statuses = ['planned', 'in-progress', 'done', 'on-hold', 'planned'] as const;
  const long =
    'Hankintastrategian päivittäminen yhdessä talousjohdon, hankintapalveluiden ja substanssiasiantuntijoiden kanssa niin, että vaikuttavuustavoitteet näkyvät talousarviossa.';
  const texts = Object.fromEntries(
    [
      'goals',
      'operatingModel',
      'responsibilities',
      'budgetCycle',
      'annualCalendar',
      'performanceManagement',
      'investmentPlans',
      'mentorNotes',
    ].map((f) => [f, long]),
  );
  return {
    kind: 'hankintapolku.plan',
    schemaVersion: 1,
    updatedAt: at,
    texts,
    actions: statuses.map((status, i) => ({
      id: `action-${i + 1}`,
      what: i === 0 ? long : `Markkinavuoropuhelutilaisuuden järjestäminen ${i + 1}`,
      who: 'Hankintapäällikkö ja kehittämisasiantuntija',
      due: `2027-0${i + 1}-15`,
      status,
    })),
    challenges: [1, 2, 3].map((n) => ({
      id: `challenge-${n}`,
      need: 'Ikääntyneiden kotihoidon palveluiden uudistaminen',
      response: long,
    })),
    questions: [1, 2, 3].map((n) => ({ id: `question-${n}`, text: `Miten hankintalaki sallii tämän? (${n})` })),
    // Every part edited, as the worksheet records it: an import merges part by part, the later edit winning.
    edits: Object.fromEntries([...Object.keys(texts), 'actions', 'challenges', 'questions'].map((part) => [part, at])),
  };
}

/** Twenty feedback items about real lessons, in every delivery state. */
function feedback(manifest: CourseManifest): Record<string, unknown> {
  const lessons = manifest.modules.flatMap((m) => m.lessons.map((l) => ({ moduleId: m.id, lessonId: l.id })));
  const types = ['comment', 'question', 'wish'] as const;
  const entries = Array.from({ length: 20 }, (_, i) => {
    const target = lessons[i % lessons.length] ?? { moduleId: 'background', lessonId: 'x' };
    const state = i % 5 === 0 ? 'waiting' : i % 7 === 0 ? 'refused' : 'sent';
    return {
      item: {
        id: uuid(i + 1),
        type: types[i % 3],
        ...(i % 2 === 0 ? { rating: (i % 5) + 1 } : {}),
        text:
          i % 4 === 0
            ? 'Esimerkki kuntayhtymän elinkaarikustannuslaskennasta olisi hyödyllinen: https://www.hankintakeino.fi/fi/tyokalut-ja-oppaat/elinkaarikustannuslaskuri-pitka-osoite'
            : `Selkeä oppitunti, kiitos (${i + 1}).`,
        ...(i % 3 === 0 ? { name: 'Maija Meikäläinen', email: 'maija.meikalainen@hyvinvointialue.example.fi' } : {}),
        ...target,
        lang: i % 2 === 0 ? 'fi' : 'en',
        contentVersion: manifest.contentVersion,
        createdAt: at,
      },
      state,
      attempts: state === 'waiting' ? 2 : 1,
      ...(state === 'waiting' ? { nextAttemptAt: at, lastError: 'network' } : {}),
      ...(state === 'sent' ? { sentAt: at } : {}),
      ...(state === 'refused' ? { refusedReason: 'The feedback text is too long: at most 5000 characters.' } : {}),
    };
  });
  return { kind: 'hankintapolku.feedback', schemaVersion: 1, entries };
}

/** Ten team members with long names, at different points of the course. */
function team(): Record<string, unknown> {
  const names = [
    'Maija Meikäläinen',
    'Matti Virtanen-Korhonen',
    'Aino Mäkelä',
    'Juha-Pekka Nieminen',
    'Liisa Hämäläinen',
    'Eero Laaksonen',
    'Kirsi Heikkinen',
    'Ville Koskinen',
    'Anna-Kaisa Järvinen',
    'Pekka Lehtonen',
  ];
  return {
    kind: 'hankintapolku.team',
    schemaVersion: 1,
    updatedAt: at,
    myName: 'Maija Meikäläinen',
    members: names.map((name, i) => ({
      kind: 'hankintapolku.summary',
      schemaVersion: 1,
      id: `member-${String(i).padStart(4, '0')}`,
      name,
      exportedAt: at,
      modules: Object.fromEntries(
        moduleIds.map((m, j) => [m, j < i % 8 ? 'completed' : j === i % 8 ? 'in-progress' : 'not-started']),
      ),
      assessment: { before: 2.5 + (i % 3) * 0.5, after: i % 2 === 0 ? 4 : null },
    })),
  };
}

function selfAssessment(statementIds: readonly string[]): Record<string, unknown> {
  const round = (offset: number) => ({
    answers: Object.fromEntries(statementIds.map((id, i) => [id, ((i + offset) % 5) + 1])),
    updatedAt: at,
  });
  return { kind: 'hankintapolku.selfAssessment', schemaVersion: 1, before: round(0), after: round(2) };
}

/** The whole My data file. `academyId` is the schedule the learner has chosen. */
export function learnerFile(manifest: CourseManifest, academyId: string, statementIds: readonly string[]): string {
  return JSON.stringify({
    kind: 'hankintapolku.export',
    formatVersion: 1,
    exportedAt: at,
    progress: progress(manifest),
    sections: {
      feedback: feedback(manifest),
      academy: { kind: 'hankintapolku.academy', schemaVersion: 1, academyId, updatedAt: at },
      plan: plan(),
      selfAssessment: selfAssessment(statementIds),
      team: team(),
    },
  });
}

/** Twenty feedback items for the collector, so the review page has a full table. */
export function collectorItems(manifest: CourseManifest): Record<string, unknown>[] {
  const outbox = feedback(manifest) as { entries: { item: Record<string, unknown> }[] };
  return outbox.entries.map((e, i) => ({ ...e.item, id: uuid(100 + i) }));
}

/** A browser's stored state after the busy learner's file was imported on the My data page. */
export type LearnerState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Imports the busy learner's file through My data, as a learner moving to a new device would, in a
 * context of its own; returns the stored state for the tests' contexts and the course manifest.
 */
export async function importBusyLearner(
  browser: Browser,
  baseURL: string | undefined,
  academyId: string,
): Promise<{ storageState: LearnerState; manifest: CourseManifest }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/omat-tiedot/');
  const manifest = await manifestOf(page);
  const file = learnerFile(manifest, academyId, statementIds);
  await importFile(page, 'data.json', file);
  await page.getByRole('button', { name: 'Yhdistä tietoihini' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tiedot tuotu' })).toBeVisible();
  const storageState = await context.storageState({ indexedDB: true });
  await context.close();
  return { storageState, manifest };
}
