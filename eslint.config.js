// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdkImports = [
  {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
    message:
      'core/ and bot/cards/ stay SDK-free: put Bot Framework code in bot/ (outside bot/cards/).',
  },
  {
    group: ['@azure/*'],
    message:
      'core/ and bot/cards/ stay SDK-free: put Azure adapters in server/storage/ behind a core port.',
  },
  {
    group: ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js'],
    message: 'core/ and bot/cards/ stay UI-free: put React code in tab/.',
  },
  {
    group: ['express', 'jose', 'zod'],
    message: 'core/ and bot/cards/ stay framework-free: parse and serve in server/.',
  },
  {
    group: ['**/server/**', '**/tab/**'],
    message: 'Dependencies point inward: core/ and bot/cards/ never import server/ or tab/.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'tab/dist', 'build', '.data', 'devTools', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts', 'bot/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sdkImports }],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'Configuration is parsed once in server/config.ts and passed down.',
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sdkImports,
            { group: ['**/bot/**'], message: 'core/ imports nothing outside core/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'botbuilder*', '@azure/*'],
              message: 'The tab never imports server code or server SDKs; talk to /api/* instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts', 'tab/**/*.ts', 'tab/**/*.tsx'],
    ignores: ['bot/cards/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'Configuration is parsed once in server/config.ts and passed down.',
        },
      ],
    },
  },
);
