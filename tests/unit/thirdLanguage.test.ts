import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Adds a third language, Swedish, to a copy of the project exactly as README's "Adding a language"
 * says, and builds a small fixture course in it: one config line, one dictionary, the dictionary's
 * entry in ui.ts, the route words, and the content (one module of two lessons, with `sv:` beside
 * `fi:` and `en:`). If a new language ever needs another file, this build or its checks fail.
 */

const files = {
  config: 'src/shared/languages.ts',
  dictionary: 'src/i18n/dictionaries/sv.ts',
  dictionaries: 'src/i18n/ui.ts',
  routeWords: 'src/i18n/routeWords.ts',
};

/** The Swedish strings the checks look for; the rest of the dictionary is the English one. */
const swedish = {
  'site.tagline': 'Hållbar och innovativ offentlig upphandling',
  'nav.home': 'Startsida',
  'lang.name': 'På svenska',
  'lang.readHere': 'Läs den här sidan på svenska',
  'lesson.markDone': 'Markera som klar och fortsätt',
};

const swedishRouteWords = `  sv: {
    module: 'moduler',
    quiz: 'kunskapstest',
    search: 'sok',
    notes: 'anteckningar',
    certificate: 'intyg',
    myData: 'mina-uppgifter',
    accessibility: 'tillganglighet',
    privacy: 'dataskydd',
    glossary: 'ordlista',
    feedback: 'respons',
    feedbackReview: 'respons/granskning',
    schedule: 'schema',
    plan: 'utvecklingsplan',
    selfAssessment: 'sjalvvardering',
    team: 'team',
    offline: 'offline',
  },
`;

/** Replaces `anchor` in a copied file; fails, naming the file, when the anchor is gone. */
function change(project: string, file: string, anchor: string, replacement: string): void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(anchor)) throw new Error(`${file} no longer has ${JSON.stringify(anchor)}`);
  writeFileSync(path, text.replace(anchor, replacement));
}

/** The project's code and settings in a temporary folder, sharing node_modules. */
function copyProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'hankintapolku-sv-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(entry, join(project, entry), { recursive: true });
  }
  symlinkSync(join(process.cwd(), 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

function addSwedish(project: string): void {
  change(
    project,
    files.config,
    "  en: { intlLocale: 'en-GB', name: 'English' },\n",
    "  en: { intlLocale: 'en-GB', name: 'English' },\n  sv: { intlLocale: 'sv-FI', name: 'Swedish' },\n",
  );
  let dictionary = readFileSync('src/i18n/dictionaries/en.ts', 'utf8').replace(
    'export const en: Record<UiKey, string> = {',
    'export const sv: Record<UiKey, string> = {',
  );
  for (const [key, text] of Object.entries(swedish)) {
    const line = new RegExp(`^  '${key.replace('.', '\\.')}':[^\\n]*\\n`, 'm');
    if (!line.test(dictionary)) throw new Error(`the English dictionary has no one-line '${key}'`);
    dictionary = dictionary.replace(line, `  '${key}': '${text}',\n`);
  }
  writeFileSync(join(project, files.dictionary), dictionary);
  change(
    project,
    files.dictionaries,
    "import { en } from './dictionaries/en';",
    "import { en } from './dictionaries/en';\nimport { sv } from './dictionaries/sv';",
  );
  change(project, files.dictionaries, '= { fi, en };', '= { fi, en, sv };');
  change(project, files.routeWords, '\n};\n', `\n${swedishRouteWords}};\n`);
}

const text = (fi: string, en: string, sv: string): string => `{ fi: "${fi}", en: "${en}", sv: "${sv}" }`;

function writeContent(project: string): void {
  const content = join(project, 'content');
  const module = join(content, 'modules', 'goals');
  for (const lang of ['fi', 'en', 'sv']) mkdirSync(join(module, lang), { recursive: true });
  writeFileSync(
    join(content, 'course.yaml'),
    [
      `title: ${text('Hankintapolku', 'Procurement path', 'Upphandlingsstigen')}`,
      `description: ${text('Kurssi.', 'A course.', 'En kurs.')}`,
      `audience: ${text('Hankkijat.', 'Buyers.', 'Upphandlare.')}`,
      `publisher: ${text('Julkaisija', 'Publisher', 'Utgivare')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(module, 'module.yaml'),
    [
      'id: goals',
      'order: 1',
      `title: ${text('Tavoitteet', 'Goals', 'Mål')}`,
      `summary: ${text('Tavoitteista.', 'On goals.', 'Om mål.')}`,
      'objectives:',
      '  fi: [Yksi, Kaksi, Kolme]',
      '  en: [One, Two, Three]',
      '  sv: [Ett, Två, Tre]',
      '',
    ].join('\n'),
  );
  const question = (n: number): string => `  - id: q${n}
    prompt: ${text(`Kysymys ${n}?`, `Question ${n}?`, `Fråga ${n}?`)}
    options:
      - text: ${text('Oikein', 'Right', 'Rätt')}
        correct: true
        explanation: ${text('Oikein.', 'Right.', 'Rätt.')}
      - text: ${text('Väärin', 'Wrong', 'Fel')}
        correct: false
        explanation: ${text('Väärin.', 'Wrong.', 'Fel.')}
`;
  writeFileSync(join(module, 'quiz.yaml'), `questions:\n${[1, 2, 3, 4, 5].map(question).join('')}`);
  const titles = {
    fi: ['Miksi tavoitteet', 'Mittarit'],
    en: ['Why goals', 'Indicators'],
    sv: ['Varför mål', 'Mätare'],
  };
  for (const [lang, [first, second]] of Object.entries(titles)) {
    [first, second].forEach((title, i) => {
      writeFileSync(
        join(module, lang, `0${i + 1}-lesson-${i + 1}.mdx`),
        `---\nid: lesson-${i + 1}\norder: ${i + 1}\ntitle: "${title}"\nreviewed: 2026-12-01\nsummary: "${title}."\ntakeaways:\n  - "${title} 1"\n  - "${title} 2"\nreflection: "${title}?"\n---\n\n${title}: ${'text '.repeat(80)}\n`,
      );
    });
  }
  // The site pages: the English ones under Swedish titles are enough for the build.
  cpSync('content/pages', join(content, 'pages'), { recursive: true });
  mkdirSync(join(content, 'pages', 'sv'), { recursive: true });
  for (const [page, title] of [
    ['accessibility', 'Tillgänglighetsutlåtande'],
    ['privacy', 'Dataskydd'],
    ['glossary', 'Ordlista'],
  ]) {
    const english = readFileSync(join('content', 'pages', 'en', `${page}.mdx`), 'utf8');
    writeFileSync(join(content, 'pages', 'sv', `${page}.mdx`), english.replace(/^title: .*$/m, `title: ${title}`));
  }
}

let project = '';
let build: { status: number | null; output: string } = { status: null, output: '' };
const page = (path: string): string => readFileSync(join(project, 'dist', path, 'index.html'), 'utf8');

beforeAll(() => {
  project = copyProject();
  addSwedish(project);
  writeContent(project);
  const result = spawnSync(join(project, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...process.env,
      HANKINTAPOLKU_CONTENT_DIR: join(project, 'content'),
      HANKINTAPOLKU_BUILD_DIR: project,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a third language', () => {
  it('builds with only the files README lists', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it('has Swedish pages at /sv/ with the Swedish words and paths', () => {
    const home = page('sv');
    expect(home).toContain('<html lang="sv"');
    expect(home).toContain(swedish['nav.home']);
    const lesson = page('sv/moduler/goals/lesson-1');
    expect(lesson).toContain('Varför mål');
    expect(lesson).toContain(swedish['lesson.markDone']);
    expect(existsSync(join(project, 'dist', 'sv', 'moduler', 'goals', 'kunskapstest', 'index.html'))).toBe(true);
    expect(existsSync(join(project, 'dist', 'sv', 'ordlista', 'index.html'))).toBe(true);
  });

  it('links every page to its twins in both other languages, each named in its own language', () => {
    const switchOf = (html: string): string =>
      /<ul class="lang-switch[^"]*"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    const sv = switchOf(page('sv/moduler/goals/lesson-2'));
    expect(sv).toMatch(/href="\/moduulit\/goals\/lesson-2\/"[^>]*hreflang="fi"[^>]*>\s*Suomeksi/);
    expect(sv).toMatch(/href="\/en\/modules\/goals\/lesson-2\/"[^>]*hreflang="en"[^>]*>\s*In English/);
    const fi = switchOf(page('moduulit/goals/lesson-2'));
    expect(fi).toMatch(/href="\/sv\/moduler\/goals\/lesson-2\/"[^>]*hreflang="sv"[^>]*>\s*På svenska/);
    expect(fi).toContain('aria-label="Läs den här sidan på svenska"');
    expect(fi).not.toContain('hreflang="fi"');
  });
});
