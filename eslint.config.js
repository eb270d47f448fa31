// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Libraries each folder must not reach for (DESIGN.md "may import"). */
const pureCore = [
  { name: 'electron', message: 'content/ and templates/ are pure: no Electron.' },
  { name: 'react', message: 'content/ and templates/ are pure: no React.' },
  { name: 'react-dom', message: 'content/ and templates/ are pure: no React.' },
  ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'].map(
    (name) => ({ name, message: 'content/ and templates/ never touch the disk or processes.' }),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
    files: ['content/**/*.ts', 'templates/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: pureCore,
          patterns: [
            {
              group: ['**/main/*', '**/renderer/*'],
              message: 'content/ and templates/ depend on nothing above them.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
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
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed bridge.' }],
          patterns: [
            {
              group: ['**/main/*', '!**/main/contract'],
              message: 'renderer/ may see main/ through the contract types only.',
            },
            {
              group: ['**/main/contract'],
              allowTypeImports: true,
              message: 'Import the contract with `import type` only.',
            },
            { group: ['node:*'], message: 'The renderer has no Node.' },
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
