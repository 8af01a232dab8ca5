import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'data', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests may assert presence with `!`: a wrong assumption fails the test, which is the point.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // shared/ is the pure domain core: no clock, no I/O, no reaching into the app or the server.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'shared/ does no I/O.' },
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ is platform-neutral.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'shared/ takes time as a parameter; no Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ takes time as a parameter; no new Date() without arguments.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'shared/ takes ids and randomness as parameters.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/sync/**', '**/electron/**'],
              message: 'shared/ imports nothing from the app, the endpoint or the shell.',
            },
            { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'shared/ does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sync/**', '**/electron/**'],
              message:
                'renderer/ talks to sync/ only over HTTP and to electron/ only through the platform bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sync/**', '**/renderer/**', '**/electron/**'],
              message:
                'console/ talks to the endpoint only over HTTP (its admin API) and shares code only through shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'sync/ never imports the app or the shell.',
            },
          ],
        },
      ],
    },
  },
);
