// Stops with a clear message when the Node that runs the scripts is not one the project supports
// (package.json's `engines`, which the toolchain's own requirements decide; tests/unit/engines.test.ts
// keeps them in step). `npm install` puts Node 24 in node_modules/.bin (the "node" devDependency), and
// npm scripts use it, whatever Node the machine has.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const semver = await import('semver').catch(() => undefined);
if (!semver) {
  console.error('The project is not installed yet: run `npm install` first.');
  process.exit(1);
}
if (!semver.satisfies(process.versions.node, engines.node)) {
  console.error(
    `Node ${process.versions.node} cannot run Hankintapolku: it needs Node ${engines.node}.\n` +
      'Run the commands through npm (`npm start`, `npm test`): after `npm install` they use the Node 24 ' +
      'it brings into node_modules/.bin, whatever Node the machine has.',
  );
  process.exit(1);
}
