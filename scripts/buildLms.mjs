// @ts-check
/*
 * `npm run build:lms`: the course as SCORM 1.2 packages, one per language of src/shared/languages.ts,
 * in dist-lms/ (hankintapolku-scorm12-fi.zip, hankintapolku-scorm12-en.zip). From the same content and code as the
 * website: an Astro build with PUBLIC_HANKINTAPOLKU_TARGET=lms (which loads src/lms/pageBridge.ts
 * on course pages and leaves the service worker out), its search index, links made relative to the
 * package (buildLms.rewrite.mjs), the launch page and imsmanifest.xml (buildLms.manifest.mjs).
 * Every language is in each package, so the language switch works; the packages differ in the
 * language they open in and in their titles.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { scormManifest } from './buildLms.manifest.mjs';
import { collectorOriginOf, rewriteSite } from './buildLms.rewrite.mjs';
import { dictionaries } from '../src/i18n/ui.ts';
import { defaultLang, languages } from '../src/shared/languages.ts';
import { encodeSuspendData } from '../src/lms/suspendData.ts';

const started = performance.now();
const work = 'node_modules/.cache/hankintapolku-lms';
const site = `${work}/dist`;
const out = 'dist-lms';

/** @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`build:lms: ${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

// Pilot feedback from inside an LMS must go to a collector of its own: the package is served by the
// LMS, whose server has no /api/feedback. The collector has to allow the LMS's origin
// (FEEDBACK_ALLOWED_ORIGINS), since the requests come from there.
const feedbackEndpoint = process.env['PUBLIC_FEEDBACK_ENDPOINT'] || undefined;
const collectorOrigin = collectorOriginOf(feedbackEndpoint);
if (feedbackEndpoint !== undefined && collectorOrigin === undefined) {
  console.error(
    `build:lms: PUBLIC_FEEDBACK_ENDPOINT must be the collector's full address, such as https://palaute.example.fi/api/feedback, not "${feedbackEndpoint}": inside an LMS a relative address leads to the LMS's own server.`,
  );
  process.exit(1);
}

rmSync(site, { recursive: true, force: true });
run('astro', ['build', '--silent'], {
  HANKINTAPOLKU_BUILD_DIR: work,
  PUBLIC_HANKINTAPOLKU_TARGET: 'lms',
  ASTRO_TELEMETRY_DISABLED: '1',
});
run('pagefind', ['--site', site, '--silent']);

await build({
  entryPoints: { launcher: 'src/lms/launcher.ts', links: 'src/lms/linksScript.ts' },
  outdir: `${site}/lms`,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  logLevel: 'warning',
});

const problems = rewriteSite(site, listFiles(site), feedbackEndpoint);
if (problems.length > 0) {
  console.error(`build:lms: the package would not work from any address:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const courseManifestFile = listFiles(site).find((file) => /^course-manifest\.[\w]+\.json$/.test(file));
if (!courseManifestFile) throw new Error('build:lms: the build has no course manifest');
/** @type {import('../src/schemas/manifest').CourseManifest} */
const course = JSON.parse(readFileSync(join(site, courseManifestFile), 'utf8'));

// The complete course with every note empty and the longest certificate name: the largest
// suspend_data a learner can have.
const completeLength = completeSuspendDataLength(course);

// One package per language of the course (src/shared/languages.ts), each starting on its home page.
const langs = Object.fromEntries(
  languages.map((lang) => [
    lang,
    { words: dictionaries[lang], home: lang === defaultLang ? 'index.html' : `${lang}/index.html` },
  ]),
);
const courseFiles = listFiles(site);
const xsds = readdirSync('scorm/xsd').filter((file) => file.endsWith('.xsd'));
mkdirSync(out, { recursive: true });
/** @type {string[]} */
const report = [];
/** @param {string} text */
const attr = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
for (const [lang, { words, home }] of Object.entries(langs)) {
  const title = attr(`${words['site.name']}: ${words['site.tagline']}`);
  const launch = 'scorm-launch.html';
  const launchHtml = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 1rem/1.5 system-ui, sans-serif; }
iframe { flex: 1; width: 100%; border: 0; }
#lms-alert:empty { display: none; }
#lms-alert { margin: 0; padding: 0.75rem 1rem; background: #fdecea; color: #5c0b0b; border-bottom: 2px solid #a61b1b; }
</style>
</head>
<body>
<p id="lms-alert" role="alert" data-refused="${attr(words['lms.refused'])}" data-unreadable="${attr(words['lms.unreadable'])}"></p>
<iframe id="course" title="${title}" data-src="${home}"></iframe>
<script src="lms/launcher.js"></script>
</body>
</html>
`;
  const manifest = scormManifest({
    lang,
    title: `${words['site.name']}: ${words['site.tagline']}`,
    version: course.contentVersion,
    masteryScore: Math.round(course.passMark * 100),
    launch,
    files: [launch, ...courseFiles],
  });
  const manifestFile = join(work, `imsmanifest-${lang}.xml`);
  writeFileSync(manifestFile, manifest);
  const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'scorm/scorm12.xsd', manifestFile], {
    encoding: 'utf8',
  });
  if (check.error) console.warn('build:lms: xmllint not found, so imsmanifest.xml was not checked against the schemas');
  else if (check.status !== 0) {
    console.error(`build:lms: imsmanifest.xml is not valid SCORM 1.2:\n${check.stderr}`);
    process.exit(1);
  }
  /** @type {Record<string, Uint8Array>} */
  const entries = {
    'imsmanifest.xml': new TextEncoder().encode(manifest),
    [launch]: new TextEncoder().encode(launchHtml),
  };
  for (const xsd of xsds) entries[xsd] = readFileSync(join('scorm/xsd', xsd));
  for (const file of courseFiles) entries[file] = readFileSync(join(site, file));
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, data]) => [
        name,
        [data, { level: /\.(png|jpe?g|webp|avif|woff2?|wasm|pf_\w+)$/.test(name) ? 0 : 9 }],
      ]),
    ),
  );
  const zipFile = join(out, `hankintapolku-scorm12-${lang}.zip`);
  writeFileSync(zipFile, zip);
  report.push(
    `${relative('.', zipFile)}: ${(zip.length / 1024).toFixed(0)} KiB, ${String(Object.keys(entries).length)} files`,
  );
}
console.log(report.join('\n'));
if (collectorOrigin)
  console.log(
    `pilot feedback goes to ${feedbackEndpoint ?? ''}; the collector must list the LMS's origin in FEEDBACK_ALLOWED_ORIGINS`,
  );
else
  console.warn(
    'build:lms: no PUBLIC_FEEDBACK_ENDPOINT, so pilot feedback given inside the LMS goes to the LMS’s own server, which will not take it; it stays in the learner’s browser',
  );
console.log(`suspend_data for the complete course: ${String(completeLength)} of 4096 characters`);
console.log(`build:lms took ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** @param {import('../src/schemas/manifest').CourseManifest} manifest */
function completeSuspendDataLength(manifest) {
  const at = (/** @type {number} */ minutes) => new Date(Date.UTC(2026, 11, 1) + minutes * 60_000).toISOString();
  /** @type {import('../src/schemas/progress').ProgressDocument} */
  const doc = {
    kind: 'hankintapolku.progress',
    schemaVersion: 2,
    contentVersion: manifest.contentVersion,
    updatedAt: at(100_000),
    courseStartedAt: at(0),
    courseCompletedAt: at(99_000),
    certificate: { name: 'N'.repeat(200), updatedAt: at(99_500) },
    lessons: {},
    quizzes: {},
    notes: {},
  };
  let minute = 1;
  for (const module of manifest.modules) {
    for (const lesson of module.lessons) {
      doc.lessons[`${module.id}/${lesson.id}`] = { firstOpenedAt: at(minute * 50), completedAt: at(minute * 50 + 17) };
      minute += 1;
    }
    doc.quizzes[module.id] = {
      attempts: 3,
      bestScore: 2 / 3,
      passedAt: at(minute * 50),
      lastAttemptAt: at(minute * 50 + 9),
    };
    doc.lastLocation = {
      moduleId: module.id,
      lessonId: module.lessons.at(-1)?.id ?? module.id,
      at: at(minute * 50 + 9),
    };
  }
  const text = encodeSuspendData(doc);
  if (text === undefined) throw new Error('build:lms: the complete course does not fit in suspend_data');
  return text.length;
}
