import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries from ARCHITECTURE.md: data flows one way, effects stay at the edges. */
const boundaries = {
  progress: ['**/storage/**', '**/client/**', '**/islands/**', 'react', 'react-dom', 'localforage'],
  pages: ['**/storage/**', '**/client/**', 'localforage'],
  notStorage: ['localforage'],
};
/** @param {string[]} patterns */
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'This import crosses a boundary set in ARCHITECTURE.md.',
      })),
    },
  ],
});

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/results/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the idiom in islands; a void shorthand there hides nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/progress/**'],
    rules: {
      ...restrict(boundaries.progress),
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
  {
    files: ['src/pages/**', 'src/layouts/**', 'src/views/**', 'src/components/**', 'src/islands/**'],
    rules: restrict(boundaries.pages),
  },
  {
    files: ['src/**'],
    ignores: ['src/storage/localforageStore.ts', 'src/storage/localforage-nopromises.d.ts'],
    rules: restrict(boundaries.notStorage),
  },
);
