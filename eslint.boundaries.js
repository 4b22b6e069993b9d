/**
 * The import boundaries of ARCHITECTURE.md as lint rules. Each folder is one zone that names what it
 * may import; everything else of the project is refused. ESLint replaces a rule's options with those
 * of the last matching block, so every file matches exactly one zone and gets that zone's whole rule
 * set (tests/unit/boundaries.test.ts lints planted violations to prove each one is refused).
 */

/** The project's folders an import can reach, by the name its relative path starts with. */
const layers = [
  'schemas',
  'shared',
  'i18n',
  'progress',
  'storage',
  'client',
  'islands',
  'features',
  'course',
  'components',
  'views',
  'layouts',
  'pages',
  'server',
];

/** Packages only some zones may use. */
const ui = ['react', 'react/*', 'react-dom', 'react-dom/*', 'preact', 'preact/*', '@xstate/react'];
const browserStorage = ['localforage', 'localforage/*'];
const astro = ['astro', 'astro/*', 'astro:*'];

/**
 * The browser's globals the pure core must not reach for: the machine never talks to the DOM, and
 * clock, storage and channels are handed to it.
 */
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'BroadcastChannel',
  'HTMLElement',
  'Element',
  'Event',
  'CustomEvent',
  'addEventListener',
  'removeEventListener',
  'requestAnimationFrame',
  'fetch',
];

/**
 * @typedef {object} Zone
 * @property {string} name
 * @property {string[]} files
 * @property {string[]} [ignores]
 * @property {string[]} may the project folders it may import (besides itself)
 * @property {string[]} [packages] packages it must not import
 * @property {boolean} [pure] no DOM globals
 * @property {string} [ownFeature] a feature folder: its siblings are refused, all but their model.ts
 * @property {string} why
 */

/** @param {string[]} features the folders of src/features */
export function zones(features) {
  const island = { may: ['islands', 'client', 'progress', 'schemas', 'shared', 'i18n'], packages: browserStorage };
  /** @type {Zone[]} */
  const list = [
    {
      name: 'schemas',
      files: ['src/schemas/**'],
      may: ['shared'],
      packages: [...ui, ...browserStorage, ...astro, 'xstate'],
      pure: true,
      why: 'src/schemas describes shapes: it imports zod and itself, nothing above it.',
    },
    {
      name: 'shared',
      files: ['src/shared/**'],
      may: ['schemas'],
      packages: [...ui, ...browserStorage, ...astro, 'xstate'],
      pure: true,
      why: 'src/shared is code the server and the browser both run: it imports only schemas.',
    },
    {
      name: 'i18n',
      files: ['src/i18n/**'],
      may: ['schemas', 'shared'],
      packages: [...ui, ...browserStorage, 'xstate'],
      why: 'src/i18n holds strings and paths: it imports only the schemas and src/shared.',
    },
    {
      name: 'progress',
      files: ['src/progress/**'],
      may: ['schemas'],
      packages: [...ui, ...browserStorage, ...astro],
      pure: true,
      why: 'src/progress is the pure core: xstate and the schemas only, no storage, React or DOM.',
    },
    {
      name: 'storage',
      files: ['src/storage/**'],
      may: ['schemas', 'shared', 'progress', 'i18n'],
      packages: [...ui, ...astro],
      why: 'src/storage sits below the browser wiring and the islands.',
    },
    {
      name: 'client',
      files: ['src/client/**'],
      may: ['storage', 'progress', 'schemas', 'shared', 'i18n', 'features'],
      packages: [...ui, ...browserStorage],
      why: 'src/client wires storage to the machine; islands and views sit above it.',
    },
    {
      name: 'islands',
      files: ['src/islands/**'],
      ...island,
      why: 'Islands never talk to storage: they read through src/client and the selectors.',
    },
    ...features.flatMap((feature) => [
      {
        name: `features/${feature} islands`,
        files: [`src/features/${feature}/**/*.tsx`],
        ...island,
        may: [...island.may, 'features'],
        ownFeature: feature,
        why: `An island of src/features/${feature} never talks to storage, and feature folders do not import each other (only another feature's model.ts).`,
      },
      {
        name: `features/${feature}`,
        files: [`src/features/${feature}/**`],
        ignores: [`src/features/${feature}/**/*.tsx`],
        may: [
          'features',
          'islands',
          'client',
          'storage',
          'progress',
          'schemas',
          'shared',
          'i18n',
          'course',
          'components',
        ],
        packages: browserStorage,
        ownFeature: feature,
        why: `Feature folders do not import each other, only another feature's rules in its model.ts (src/features/${feature}).`,
      },
    ]),
    {
      name: 'course',
      files: ['src/course/**'],
      may: ['schemas', 'shared', 'i18n'],
      packages: [...ui, ...browserStorage, 'xstate'],
      why: 'src/course builds the manifest at build time from content and schemas only.',
    },
    {
      name: 'pages',
      files: ['src/pages/**', 'src/layouts/**', 'src/views/**', 'src/components/**'],
      ignores: ['**/*.astro/*'],
      may: ['schemas', 'shared', 'i18n', 'course', 'progress', 'islands', 'features', 'components', 'views', 'layouts'],
      packages: browserStorage,
      why: 'Pages, layouts, views and components render HTML: they never import storage or the browser wiring.',
    },
    {
      name: 'page scripts',
      files: ['src/**/*.astro/*'],
      may: ['client', 'features', 'islands', 'progress', 'schemas', 'shared', 'i18n'],
      packages: browserStorage,
      why: 'A component’s <script> starts the browser wiring (src/client); it never imports storage itself.',
    },
    {
      name: 'server',
      files: ['server/**'],
      may: ['server', 'schemas', 'shared'],
      packages: [...ui, ...browserStorage, ...astro],
      why: 'The server imports only what server and browser share (src/schemas, src/shared), never a browser folder.',
    },
  ];
  return list;
}

/** A regular expression for a relative import that reaches one of `names`, from any depth. */
const reaching = (names) => `^\\.{1,2}/(?:\\.\\./)*(?:src/)?(?:${names.join('|')})(?:/|$)`;

/** @param {Zone} zone */
function rulesOf(zone) {
  const own = zone.name.split('/')[0].split(' ')[0];
  const refused = layers.filter((layer) => layer !== own && !zone.may.includes(layer));
  const message = zone.why;
  const patterns = [{ regex: reaching(refused), message }];
  if (zone.ownFeature) {
    // A sibling feature, reached as ../other/… from inside the folder or …/features/other/… from deeper.
    // Its model.ts (its rules, no UI or wiring) is the one file another feature may use: the brief
    // edits the plan's questions and the team reads the self-assessment's averages by those rules.
    const notModel = '(?!model(?:\\.ts)?$)';
    patterns.push(
      { regex: `^\\.\\./(?!${zone.ownFeature}/)[^./][^/]*/${notModel}`, message },
      { regex: `(?:^|/)features/(?!${zone.ownFeature}/)[^/]+/${notModel}`, message },
    );
  }
  if (zone.packages?.length) patterns.push({ group: zone.packages, message });
  /** @type {import('eslint').Linter.RulesRecord} */
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  if (zone.pure) {
    rules['no-restricted-globals'] = [
      'error',
      ...domGlobals.map((name) => ({ name, message: `${message} (no ${name})` })),
    ];
  }
  return rules;
}

/**
 * The config blocks, one per zone, plus one for the rest of src/ (only storage touches localforage)
 * and the progress engine's own rule on schemas.
 * @param {string[]} features
 * @returns {import('eslint').Linter.Config[]}
 */
export function boundaryBlocks(features) {
  const all = zones(features);
  return [
    ...all.map((zone) => ({
      name: `boundaries/${zone.name}`,
      files: zone.files,
      ...(zone.ignores ? { ignores: zone.ignores } : {}),
      rules: rulesOf(zone),
    })),
    {
      name: 'boundaries/rest of src',
      files: ['src/**'],
      ignores: all.flatMap((zone) => zone.files),
      rules: rulesOf({
        name: 'src',
        files: [],
        may: layers,
        packages: browserStorage,
        why: 'Only src/storage touches localforage.',
      }),
    },
    {
      name: 'boundaries/progress takes types from the schemas',
      files: ['src/progress/**'],
      rules: {
        // Every page runs this code, and the schemas are the costliest start-up work there is: data is
        // checked where it comes in (storage, imports, other tabs), so only types come from the schemas.
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['zod', 'zod/*', '**/schemas/*', '!**/schemas/progressBasics'],
                allowTypeImports: true,
                message: 'src/progress takes only types from the schemas, so pages do not load zod for it.',
              },
            ],
          },
        ],
      },
    },
  ];
}
