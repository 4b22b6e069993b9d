import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * Plants imports that cross ARCHITECTURE.md's boundaries into files of each folder and lints them with
 * the project's own eslint.config.js, as `npm run lint` does. Each must be refused, and the allowed
 * imports beside them must pass, so a later config block that silently replaced a folder's rules
 * would fail here.
 */

const boundaryRules = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  '@typescript-eslint/no-restricted-imports',
]);
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: process.cwd(),
    // The planted files do not exist, so they are parsed without type information and only the
    // boundary rules run.
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => boundaryRules.has(ruleId),
  });
});

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  if (!result) throw new Error(`ESLint returned nothing for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.map((m) => `${m.ruleId ?? '?'}: ${m.message}`);
}

const refused: [string, string, string][] = [
  [
    'an island importing storage',
    'src/islands/Planted.tsx',
    "import { openBrowserKeyValueStore } from '../storage/browserStore';",
  ],
  ['an island importing localforage', 'src/islands/Planted.tsx', "import localforage from 'localforage';"],
  [
    'a feature island importing storage',
    'src/features/plan/Planted.tsx',
    "import { NewerFormatError } from '../../storage/documentStore';",
  ],
  [
    'a feature importing another feature',
    'src/features/plan/planted.ts',
    "import { parseChoice } from '../academy/choice';",
  ],
  [
    'a feature importing another feature’s island',
    'src/features/team/planted.ts',
    "import Chart from '../selfAssessment/ResultsChart';",
  ],
  [
    'a feature reaching another feature from the root',
    'src/features/team/planted.ts',
    "import { x } from '../../features/plan/markdown';",
  ],
  ['progress importing localforage', 'src/progress/planted.ts', "import localforage from 'localforage';"],
  ['progress importing storage', 'src/progress/planted.ts', "import { keys } from '../storage/keys';"],
  ['progress importing React', 'src/progress/planted.ts', "import { useState } from 'react';"],
  ['progress using the DOM', 'src/progress/planted.ts', 'export const title = document.title;'],
  ['progress reading storage through window', 'src/progress/planted.ts', 'export const stored = window.localStorage;'],
  ['progress loading zod at run time', 'src/progress/planted.ts', "import { z } from 'zod';"],
  [
    'progress taking a schema value',
    'src/progress/planted.ts',
    "import { progressSchema } from '../schemas/progress';",
  ],
  ['schemas importing storage', 'src/schemas/planted.ts', "import { keys } from '../storage/keys';"],
  ['schemas importing the browser wiring', 'src/schemas/planted.ts', "import { x } from '../client/documentFile';"],
  ['schemas importing progress', 'src/schemas/planted.ts', "import { x } from '../progress/selectors';"],
  ['schemas importing i18n', 'src/schemas/planted.ts', "import { t } from '../i18n/ui';"],
  ['schemas importing a feature', 'src/schemas/planted.ts', "import { x } from '../features/plan/markdown';"],
  ['schemas importing the course', 'src/schemas/planted.ts', "import { getCourse } from '../course/course';"],
  ['server importing src/features', 'server/planted.ts', "import { toCsv } from '../src/features/feedback/csv.ts';"],
  [
    'the collector API importing src/features',
    'server/collector/api.ts',
    "import { x } from '../../src/features/feedback/outbox.ts';",
  ],
  ['My data importing storage', 'src/islands/MyData.tsx', "import { storageInfo } from '../storage/browserStore';"],
  ['a schema importing storage', 'src/schemas/plan.ts', "import { NewerFormatError } from '../storage/documentStore';"],
  ['server importing storage', 'server/collector/planted.ts', "import { keys } from '../../src/storage/keys.ts';"],
  ['a view importing the browser wiring', 'src/views/Planted.ts', "import { x } from '../client/progress';"],
  [
    'a page importing storage',
    'src/pages/planted.astro',
    "---\nimport { keys } from '../storage/keys';\n---\n<p>{keys}</p>",
  ],
  [
    'a component script importing storage',
    'src/components/Planted.astro',
    "<p>x</p>\n<script>\n  import '../storage/keys';\n</script>",
  ],
  ['the course importing an island', 'src/course/planted.ts', "import { x } from '../islands/fill';"],
  ['i18n importing the course', 'src/i18n/planted.ts', "import { getCourse } from '../course/course';"],
  ['a file at the root of src importing localforage', 'src/planted.ts', "import localforage from 'localforage';"],
];

const allowed: [string, string, string][] = [
  [
    'an island reading through the client',
    'src/islands/Planted.tsx',
    "import { x } from '../client/progress';\nimport { useState } from 'react';",
  ],
  [
    'a feature island using its own folder and shared islands',
    'src/features/plan/Planted.tsx',
    "import { x } from './markdown';\nimport { fill } from '../../islands/fill';",
  ],
  [
    'a feature using another feature’s rules in its model.ts',
    'src/features/academy/planted.ts',
    "import { editPlan } from '../plan/model';",
  ],
  [
    'a feature island using another feature’s rules',
    'src/features/team/Planted.tsx',
    "import { averages } from '../selfAssessment/model';",
  ],
  [
    'an island reading storage facts through the client',
    'src/islands/Planted.tsx',
    "import { storageInfo } from '../client/storageStatus';",
  ],
  [
    'a component script starting the browser wiring',
    'src/components/Planted.astro',
    "<p>x</p>\n<script>\n  import '../client/boot';\n</script>",
  ],
  [
    'a feature client using storage',
    'src/features/feedback/planted.ts',
    "import { NewerFormatError } from '../../storage/documentStore';",
  ],
  [
    'progress taking types and constants from the schemas',
    'src/progress/planted.ts',
    "import type { ProgressDocument } from '../schemas/progress';\nimport { x } from '../schemas/progressBasics';\nimport { setup } from 'xstate';",
  ],
  [
    'schemas importing zod and each other',
    'src/schemas/planted.ts',
    "import { z } from 'zod';\nimport { stableId } from './common';",
  ],
  ['storage importing localforage', 'src/storage/planted.ts', "import localforage from 'localforage';"],
  ['server importing the schemas', 'server/planted.ts', "import { x } from '../src/schemas/feedback.ts';"],
];

describe('the architecture lint', () => {
  it.each(refused)('refuses %s', async (_what, filePath, code) => {
    expect(await refusals(filePath, code)).not.toEqual([]);
  });

  it.each(allowed)('allows %s', async (_what, filePath, code) => {
    expect(await refusals(filePath, code)).toEqual([]);
  });
});
