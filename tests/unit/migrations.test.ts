import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertMigrationChain,
  InvalidProgressError,
  migrateProgress,
  NewerSchemaVersionError,
  progressMigrations,
  runMigrations,
  type MigrationStep,
} from '../../src/storage/migrations';
import { PROGRESS_SCHEMA_VERSION } from '../../src/schemas/progressBasics';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
const progressFixtures = readdirSync(fixturesDir).filter((name) => /^progress-v\d+\.json$/.test(name));
const readFixture = (name: string): unknown => JSON.parse(readFileSync(join(fixturesDir, name), 'utf8')) as unknown;

describe('stored progress formats', () => {
  it('has a fixture for every format up to the current one', () => {
    for (let version = 1; version <= PROGRESS_SCHEMA_VERSION; version++) {
      expect(progressFixtures).toContain(`progress-v${version}.json`);
    }
  });

  it.each(progressFixtures)('reads %s as a current document', (name) => {
    const doc = migrateProgress(readFixture(name));
    expect(doc.schemaVersion).toBe(PROGRESS_SCHEMA_VERSION);
    expect(doc.kind).toBe('hankintapolku.progress');
  });

  it('keeps every fact of the v1 fixture', () => {
    const doc = migrateProgress(readFixture('progress-v1.json'));
    expect(doc).toEqual({ ...(readFixture('progress-v1.json') as object), schemaVersion: PROGRESS_SCHEMA_VERSION });
  });

  it('reads the v2 fixture: lesson times by module, including the unusual cases', () => {
    const doc = migrateProgress(readFixture('progress-v2.json'));
    expect(doc.lessons).toEqual({
      'background/why-it-matters': {
        firstOpenedAt: '2026-10-01T06:58:03.120Z',
        completedAt: '2026-10-01T07:09:45.575Z',
      },
      'background/key-terms': { firstOpenedAt: '2026-10-01T07:10:50.000Z', completedAt: '2026-10-01T07:24:55.120Z' },
      // A lesson no longer in the course is kept.
      'background/retired-lesson': { firstOpenedAt: '2026-10-01T07:31:40.000Z' },
      // Completed with no known opening time (possible in an imported v1 file).
      'teamwork/roles': { completedAt: '2026-10-09T10:00:00.000Z' },
      // Completed "before" it was opened, as clocks of two devices may have it.
      'goals/measurable-goals': { firstOpenedAt: '2026-10-23T06:13:20.000Z', completedAt: '2026-10-23T06:13:18.000Z' },
    });
    expect(doc.notes['goals/measurable-goals']?.text).toMatch(/^Tavoite: 30 %/);
    expect(doc.courseCompletedAt).toBe('2026-11-20T13:05:44.310Z');
  });

  it('reads a document stored as JSON text', () => {
    const text = JSON.stringify(readFixture('progress-v1.json'));
    expect(migrateProgress(text).contentVersion).toBe('3f9a1c2e');
  });

  it('has a chain of steps leading to the current version', () => {
    expect(() => {
      assertMigrationChain(progressMigrations, PROGRESS_SCHEMA_VERSION);
    }).not.toThrow();
  });
});

describe('refusing what cannot be read', () => {
  it('refuses a document from a newer version of the site without changing it', () => {
    const newer = { ...(readFixture('progress-v1.json') as object), schemaVersion: PROGRESS_SCHEMA_VERSION + 1 };
    const before = structuredClone(newer);
    expect(() => migrateProgress(newer)).toThrow(NewerSchemaVersionError);
    expect(newer).toEqual(before);
  });

  it.each([
    ['text that is not JSON', '{"kind": "hankintapolku.progr'],
    ['some other document', { kind: 'something-else', schemaVersion: 1 }],
    ['an array', [1, 2, 3]],
    ['a missing schemaVersion', { kind: 'hankintapolku.progress' }],
    ['a lesson keyed by URL', { ...emptyV1(), lessons: { '/fi/goals/measuring/': {} } }],
    ['a score above one', { ...emptyV1(), quizzes: { goals: { attempts: 1, bestScore: 3 } } }],
    ['a time that is not a time', { ...emptyV1(), updatedAt: 'yesterday' }],
    ['v2 with lessons keyed the v1 way', { ...emptyV2(), lessons: { 'goals/measuring': [1] } }],
    ['v2 with a lesson time as text', { ...emptyV2(), lessons: { goals: { measuring: ['2025-01-01'] } } }],
    ['v2 with a fraction of a millisecond', { ...emptyV2(), lessons: { goals: { measuring: [1.5] } } }],
    ['v2 with a completion beyond any date', { ...emptyV2(), lessons: { goals: { measuring: [8.64e15, 1] } } }],
  ])('calls %s invalid, with a reason', (_label, value) => {
    expect(() => migrateProgress(value)).toThrow(InvalidProgressError);
  });
});

describe('the migration mechanism', () => {
  // A made-up step, to test the mechanism apart from the shipped steps.
  const v1ToV2: MigrationStep = {
    name: 'v1-to-v2-rename-notes-to-reflections',
    from: 1,
    to: 2,
    migrate: ({ notes, ...rest }) => ({ ...rest, schemaVersion: 2, reflections: notes }),
  };

  it('runs the named steps in order from the stored version to the target', () => {
    const migrated = runMigrations(readFixture('progress-v1.json'), [v1ToV2], 2);
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated).toHaveProperty('reflections');
    expect(migrated).not.toHaveProperty('notes');
  });

  it('runs no step for a document already at the target version', () => {
    const v2 = { kind: 'hankintapolku.progress', schemaVersion: 2, reflections: {} };
    expect(runMigrations(v2, [v1ToV2], 2)).toEqual(v2);
  });

  it('rejects a chain with a gap or steps out of order', () => {
    expect(() => {
      assertMigrationChain([{ ...v1ToV2, from: 2, to: 3 }], 3);
    }).toThrow(/should go from v1 to v2/);
    expect(() => {
      assertMigrationChain([], 2);
    }).toThrow(/schema is v2/);
  });

  it('rejects a step that forgets to set the new schemaVersion', () => {
    const sloppy: MigrationStep = { ...v1ToV2, migrate: (doc) => doc };
    expect(() => runMigrations(readFixture('progress-v1.json'), [sloppy], 2)).toThrow(/did not set schemaVersion/);
  });
});

function emptyV2(): Record<string, unknown> {
  return { ...emptyV1(), schemaVersion: 2 };
}

function emptyV1(): Record<string, unknown> {
  return {
    kind: 'hankintapolku.progress',
    schemaVersion: 1,
    contentVersion: 'x',
    updatedAt: '2025-01-01T00:00:00.000Z',
    lessons: {},
    quizzes: {},
    notes: {},
  };
}
