// Runs at the end of `npm install`, on the Node that npm scripts use (node_modules/.bin/node, the
// "node" devDependency, when it installed). npm checks packages' `engines` against the Node npm itself
// runs on, so on a machine whose own Node is older it warned about every package of the toolchain,
// though none of them runs on that Node; .npmrc lowers npm's log to errors for that reason, and this
// script checks instead, against the Node that does run them, what those warnings were for:
// - that this Node satisfies every installed package's `engines` (and the project's own);
// - that every package with an install script is approved or refused in package.json's allowScripts.
// It ends with the one line that says what to run next. It never fails the install: a problem is
// printed with what to do. (`npm install --loglevel=warn` shows all of npm's own warnings.)
import { readFileSync } from 'node:fs';

const project = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const semver = await import('semver');
const node = process.versions.node;

/** @type {string[]} */
const problems = [];

if (!semver.satisfies(node, project.engines.node)) {
  problems.push(
    `The npm scripts would run on Node ${node}, but the project needs Node ${project.engines.node}. ` +
      'The "node" devDependency normally brings Node 24: check that its install script may run ' +
      '(`npm install-scripts ls`), or install Node 24 (see .nvmrc).',
  );
} else {
  const unsupported = Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path && !entry.optional && entry.engines?.node)
    .filter(([, entry]) => !semver.satisfies(node, entry.engines.node, { includePrerelease: true }))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} (needs Node ${entry.engines.node})`);
  if (unsupported.length > 0) problems.push(`Node ${node} is too old for: ${unsupported.join(', ')}.`);
}

const allowScripts = project.allowScripts ?? {};
const unreviewed = Object.entries(lock.packages ?? {})
  .filter(([path, entry]) => path && entry.hasInstallScript)
  .map(([path]) => path.replace(/^.*node_modules\//, ''))
  .filter((name) => !(name in allowScripts));
if (unreviewed.length > 0) {
  problems.push(
    `Install scripts not yet approved or refused in package.json's allowScripts: ${[...new Set(unreviewed)].join(', ')}.`,
  );
}

for (const problem of problems) console.warn(`Warning: ${problem}`);
console.log('Hankintapolku is installed. Next: `npm start` (the course at http://localhost:4321), or `npm test`.');
