import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExportFile, MAX_IMPORT_BYTES, readImportFile } from '../../src/client/myDataFile';
import { completeLesson, emptyDocument, saveNote } from '../../src/progress/progressDocument';
import { PROGRESS_SCHEMA_VERSION } from '../../src/schemas/progressBasics';
import { sampleManifest as manifest } from './helpers/sampleManifest';

const now = new Date('2026-11-02T09:30:00.000Z');
const context = { manifest, now };

function learnerDocument() {
  let doc = emptyDocument(manifest.contentVersion, now);
  doc = completeLesson(doc, { moduleId: 'goals', lessonId: 'measuring' }, context);
  return saveNote(doc, { moduleId: 'goals', lessonId: 'measuring', text: 'Mittari: CO₂ per hankinta' }, context);
}

const read = (file: unknown) => {
  const text = JSON.stringify(file);
  return readImportFile(text, new TextEncoder().encode(text).length);
};

describe('the My data file', () => {
  it('holds progress in its stored form and reads back to the same document', () => {
    const doc = learnerDocument();
    const file = buildExportFile(doc, now);
    expect(file.progress.schemaVersion).toBe(PROGRESS_SCHEMA_VERSION);
    expect(file.progress.lessons).toEqual({ goals: { measuring: [now.getTime(), 0] } });
    expect(read(file)).toEqual({ ok: true, progress: doc, sections: [] });
  });

  it('reads a file exported before the stored form changed (progress v1)', () => {
    const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress-v1.json'), 'utf8')) as {
      lessons: object;
    };
    const result = read({
      kind: 'hankintapolku.export',
      formatVersion: 1,
      exportedAt: now.toISOString(),
      progress: v1,
    });
    expect(result.ok && result.progress.lessons).toEqual(v1.lessons);
  });

  it.each([
    ['not JSON', 'json', '{"kind": "hankintapolku.export", '],
    ['some other file', 'kind', JSON.stringify({ kind: 'something-else' })],
    ['a newer file format', 'newer', JSON.stringify({ kind: 'hankintapolku.export', formatVersion: 2 })],
    [
      'newer progress',
      'newer',
      JSON.stringify({
        kind: 'hankintapolku.export',
        formatVersion: 1,
        progress: { kind: 'hankintapolku.progress', schemaVersion: PROGRESS_SCHEMA_VERSION + 1 },
      }),
    ],
    [
      'progress with a broken lesson time',
      'invalid',
      JSON.stringify({
        ...buildExportFile(learnerDocument(), now),
        progress: { ...buildExportFile(learnerDocument(), now).progress, lessons: { goals: { measuring: ['eilen'] } } },
      }),
    ],
  ])('refuses %s, saying why', (_label, reason, text) => {
    expect(readImportFile(text, text.length)).toMatchObject({ ok: false, reason });
  });

  it('refuses a file over 1 MB before reading it', () => {
    expect(readImportFile('{}', MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, reason: 'size' });
  });
});
