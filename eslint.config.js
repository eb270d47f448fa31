// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The fences between the folders (DESIGN.md, "may import"), each as an import rule, so a file
 * that reaches across one fails the lint rather than a review.
 */

/** Every Node built-in, by its bare name and with node: (fs, node:fs, fs/promises …). */
const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))];

const noNodeNoElectron = [
  { name: 'electron', message: 'content/ and templates/ are pure: no Electron.' },
  { name: 'react', message: 'content/ and templates/ are pure: no React.' },
  { name: 'react-dom', message: 'content/ and templates/ are pure: no React.' },
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'content/ and templates/ are pure: no Node module (no disk, no processes, no network).',
  })),
];

const nothingAbove = {
  group: ['**/main/**', '**/renderer/**'],
  message: 'content/ and templates/ depend on nothing above them.',
};
const noTests = { group: ['**/tests/**'], message: 'The product never imports tests/.' };

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // each file is checked against the tsconfig that compiles it (node side, web side, DOM tests)
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // a closed set (layouts, block kinds, formats) handled in a switch handles every member
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // an async function with nothing to await is how a plain function fills a slot typed to
      // return a promise (IPC handlers, host services, test stand-ins): not a mistake here.
      // A promise left unawaited or passed where a callback is expected still is
      // (no-floating-promises, no-misused-promises).
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
      // Chinese text uses the ideographic space (U+3000) on purpose
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true },
      ],
    },
  },
  {
    // plain JavaScript (scripts, worker fixtures, this file) and the scripts' declarations are in no tsconfig
    files: ['**/*.{js,mjs,cjs}', 'scripts/*.d.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // vitest types its asymmetric matchers (expect.stringContaining, expect.any) as `any`, and a
    // test reads the JSON a function wrote as untyped data on purpose; the product keeps the rules
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['templates/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noNodeNoElectron,
          patterns: [
            nothingAbove,
            noTests,
            {
              group: ['**/content/**'],
              message: 'templates/ imports nothing from content/: content builds on templates.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['content/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noNodeNoElectron,
          patterns: [
            nothingAbove,
            noTests,
            {
              // the output model's lists, the slide scene (fitting measures it) and the one error
              // kind are pure values content needs; the registry, the schemas (zod), the HTML
              // renderers and the template files are not content's to load. The proofreading rules
              // (templates/proof) are data the checker reads, as the scene is: allowed too
              // (gitignore patterns: `templates/*` takes each file and folder of templates/, and a
              // folder taken whole cannot be let back in below, so the allowed ones are named here)
              group: [
                '**/templates/*',
                '!**/templates/model',
                '!**/templates/errors',
                '!**/templates/scene',
                '!**/templates/proof',
              ],
              allowTypeImports: true,
              message:
                'content/ imports only types from templates/ (values only from templates/model, templates/scene, templates/proof and templates/errors).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['main/**/*.ts', 'bin/**/*.js', 'scripts/**/*.{ts,mjs}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noTests] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through the typed bridge.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
          patterns: [
            {
              group: ['**/main/**'],
              allowTypeImports: true,
              message: 'renderer/ may see main/ through `import type` only.',
            },
            noTests,
          ],
        },
      ],
    },
  },
  {
    // the command line's entry is CommonJS: Node starts it without its ES-module loader
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
