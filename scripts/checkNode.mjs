// Stops with a clear message when the Node that runs the scripts is too old for Astro 7.
// `npm install` puts Node 24 in node_modules/.bin (the "node" devDependency), and npm scripts use it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old: Hankintapolku needs Node 22.12 or newer.\n` +
      'Run `npm install` first (it brings Node 24 into node_modules/.bin for the npm scripts), ' +
      'or install Node 24 (see .nvmrc).',
  );
  process.exit(1);
}
