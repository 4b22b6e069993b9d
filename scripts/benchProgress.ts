// `npm run bench:progress`: the cost of one progress event, including its save, on a course of
// 1,000 lessons (BENCH_LESSONS), with the real machine (createProgressActor) over the real progress
// store (createProgressStore, writing the stored form) on the in-memory key-value store, which
// copies values in as IndexedDB's structured clone does. Each event is sent, then storage.flush,
// and the clock stops when the document has been written: the learner opens every lesson, is
// located there and marks it done, and passes each module's knowledge check (3,010 events for
// 1,001 lessons). BENCH_RUNS runs (default 3), each on a fresh store. Also the stored document's
// size once every lesson is done, as JSON bytes. Goals: median < 2 ms per event, document < 50 KB.
// Prints a Markdown table and writes bench/results/progress.json. Node runs src/ directly through
// scripts/lib/benchResolveTs.ts (see the npm script).
import { moduleIds } from './lib/syntheticCourse.mjs';
import { benchRuns, machine, quantile, showSpread, spread, writeResults, type Spread } from './lib/benchStats.ts';
import { createProgressActor, type ProgressDomainEvent } from '../src/progress/progressMachine';
import type { CourseManifest, ManifestModule } from '../src/schemas/manifest';
import { createMemoryStore } from '../src/storage/memoryStore';
import { createProgressStore } from '../src/storage/progressStore';

const lessonCount = Math.max(7, Number(process.env['BENCH_LESSONS'] ?? 1000) || 1000);
const goals = { medianMsPerEvent: 2, documentKB: 50 };

function syntheticManifest(lessons: number): CourseManifest {
  const perModule = Math.max(1, Math.round(lessons / moduleIds.length));
  return {
    contentVersion: 'bench-1000',
    passMark: 0.8,
    modules: moduleIds.map((id): ManifestModule => ({
      id,
      minutes: { fi: perModule * 7, en: perModule * 7 },
      title: { fi: `Moduuli ${id}`, en: `Module ${id}` },
      questionCount: 6,
      lessons: Array.from({ length: perModule }, (_, n) => ({
        id: `lesson-${String(n + 1)}`,
        minutes: { fi: 7, en: 7 },
        title: {
          fi: `Oppitunti ${String(n + 1)}: hankinnan tavoitteet`,
          en: `Lesson ${String(n + 1)}: procurement goals`,
        },
      })),
    })),
  };
}

/** What a learner does to finish the course, in order. */
function courseEvents(manifest: CourseManifest): ProgressDomainEvent[] {
  return manifest.modules.flatMap((module) => [
    ...module.lessons.flatMap((lesson): ProgressDomainEvent[] => [
      { type: 'lesson.open', moduleId: module.id, lessonId: lesson.id },
      { type: 'location.set', moduleId: module.id, lessonId: lesson.id },
      { type: 'lesson.complete', moduleId: module.id, lessonId: lesson.id },
    ]),
    { type: 'quiz.submit', moduleId: module.id, score: 1 },
  ]);
}

interface RunResult {
  /** Milliseconds per event, in order. */
  times: number[];
  documentBytes: number;
  saves: number;
}

async function run(manifest: CourseManifest, events: ProgressDomainEvent[]): Promise<RunResult> {
  const kv = createMemoryStore();
  const actor = createProgressActor({ manifest, store: createProgressStore(kv), clock: () => new Date() });
  let saves = 0;
  let onSaved: (() => void) | undefined;
  actor.on('progress.saved', () => {
    saves++;
    onSaved?.();
  });
  actor.start();
  await new Promise<void>((resolve) => {
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.hasTag('loaded')) {
        subscription.unsubscribe();
        resolve();
      }
    });
  });
  const times: number[] = [];
  for (const event of events) {
    const saved = new Promise<void>((resolve) => (onSaved = resolve));
    const started = performance.now();
    actor.send(event);
    actor.send({ type: 'storage.flush' });
    const { revision, savedRevision } = actor.getSnapshot().context;
    // An event that changed nothing has nothing to save.
    if (revision !== savedRevision) await saved;
    times.push(performance.now() - started);
  }
  actor.stop();
  const stored = kv.dump()['progress'];
  return { times, documentBytes: Buffer.byteLength(JSON.stringify(stored)), saves };
}

async function main() {
  const manifest = syntheticManifest(lessonCount);
  const lessons = manifest.modules.reduce((total, module) => total + module.lessons.length, 0);
  const events = courseEvents(manifest);
  // One unmeasured run first, so the figures are of warmed-up code, as in a page that has been open a while.
  await run(manifest, events.slice(0, 300));
  const runs: RunResult[] = [];
  for (let n = 0; n < benchRuns; n++) runs.push(await run(manifest, events));
  const median: Spread = spread(runs.map((r) => quantile(r.times, 0.5)));
  const p95: Spread = spread(runs.map((r) => quantile(r.times, 0.95)));
  const lastHundred: Spread = spread(runs.map((r) => quantile(r.times.slice(-100), 0.5)));
  const documentBytes = runs[0]?.documentBytes ?? 0;
  const met = median.median < goals.medianMsPerEvent && documentBytes < goals.documentKB * 1024;
  const markdown = [
    `Progress events with their save, ${lessons.toLocaleString('en')} lessons, ${events.length.toLocaleString(
      'en',
    )} events per run, median (min–max) of ${String(benchRuns)} runs:`,
    '',
    '| figure | value | goal |',
    '| --- | ---: | --- |',
    `| median ms per event (with save) | ${showSpread(median, 3)} | < ${String(goals.medianMsPerEvent)} ms |`,
    `| p95 ms per event | ${showSpread(p95, 3)} | |`,
    `| median ms, last 100 events (full document) | ${showSpread(lastHundred, 3)} | |`,
    `| stored document, ${lessons.toLocaleString('en')} lessons done, KB of JSON | ${(documentBytes / 1024).toFixed(1)} | < ${String(
      goals.documentKB,
    )} KB |`,
    '',
    `Goals: ${met ? 'met' : 'NOT met'}.`,
  ].join('\n');
  console.log(`\n${markdown}`);
  writeResults('progress', {
    ...machine(),
    runs: benchRuns,
    lessons,
    events: events.length,
    goals,
    met,
    medianMsPerEvent: median,
    p95MsPerEvent: p95,
    lastHundredMedianMs: lastHundred,
    documentBytes,
    savesPerRun: runs.map((r) => r.saves),
    markdown,
  });
}

await main();
