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

/**
 * bot/ is an edge that server/ (the composition root) builds and wires; it never reaches back.
 * bot/cards/ is covered by sdkImports above, which already forbids server/ there.
 */
const botNotServer = {
  group: ['**/server/**'],
  message:
    'bot/ never imports server/: server/ builds the bot, not the other way round. Take what you need as a constructor or function parameter (a port in core/ports/ that server/services.ts fills in), or move the shared code into core/.',
};

/** Tests never read the machine's date: each fixes its own clock and builds its data from it. */
const fixYourClock =
  "Tests never read the machine's date (a suite that built its rota from today passed in November and failed in December). Use a fixed Date ('2026-11-24T10:00:00Z'), the test's own clock (tests/support/clock.ts, stack.clock, services.clock), performance.now() for timeouts, or wallClock (core/testing/wall-clock.ts) when the test is about real elapsed time.";
const testDateReads = [
  { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: fixYourClock },
  {
    selector: 'CallExpression[callee.object.name="Date"][callee.property.name="now"]',
    message: fixYourClock,
  },
  {
    selector:
      'CallExpression[callee.object.name="DateTime"][callee.property.name=/^(now|local|utc)$/][arguments.length=0]',
    message: fixYourClock,
  },
  { selector: 'ImportSpecifier[imported.name="systemClock"]', message: fixYourClock },
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
    files: ['bot/**/*.ts'],
    ignores: ['bot/cards/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botNotServer] }] },
  },
  {
    // The bot's tests meet the same people as every other suite: the demo school is the one
    // piece of server/ they may use (about 30 files import it; moving it is for issue 16).
    files: ['bot/**/*.test.ts'],
    ignores: ['bot/cards/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!demo/demo-school\\.js$)',
              message: botNotServer.message,
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
  {
    // Services and stores are built once, in server/services.ts, and handed to whoever uses
    // them (decision 032): a second copy has its own cache and can drift from the first.
    files: ['server/**/*.ts', 'bot/**/*.ts'],
    ignores: ['server/services.ts', 'server/storage/**', 'server/demo/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name=/(Service|Store)$/]',
          message:
            'Build services and stores in server/services.ts and take them as a dependency (decision 032).',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'core/testing/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...testDateReads] },
  },
);
