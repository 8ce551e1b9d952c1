// @ts-check
/**
 * The import rules ESLint cannot see, checked by dependency-cruiser in `npm run lint`: no import
 * cycles in core/ (between files, and between feature folders), a feature folder of core/ reaches
 * another only through its index.ts, and bot/ never imports server/ (ESLint says so too, with the
 * one exception the bot's tests need; see eslint.config.js).
 * Test files are left out: they are not part of the house, and a core test that uses
 * tests/support would otherwise show up as a folder cycle through server/.
 */

/**
 * The cycles core/ has today, as the [from, to] imports that close them (regular expressions on
 * paths). They are named so that the lint passes now and any new cycle fails; delete a line when
 * issue 16 removes its cycle. Type-only imports count: a reader follows them just the same.
 */
// None left: the Welsh catalogues' cycle through the i18n index ended when the shared types moved
// to core/i18n/types.ts (decision 034).
const knownModuleCycles = [];
const knownFolderCycles = [
  // schedule/schedule.ts checks check-in template ids (checkin/templates.ts); checkin/ takes the
  // SchoolCalendar type, defaultTimeZone and maySchedule from schedule/ (local dates now come from
  // core/dates.ts, issue 16 point 2).
  ['^core/schedule$', '^core/checkin$'],
  ['^core/checkin$', '^core/schedule$'],
  // stores/schedule-store.ts and school-store.ts keep schedule/ types; schedule/schedule-service.ts
  // reads those stores. With the pair above this also makes checkin → stores → schedule → checkin.
  ['^core/schedule$', '^core/stores$'],
  ['^core/stores$', '^core/schedule$'],
  ['^core/checkin$', '^core/stores$'],
  // ports/sender.ts sends a Delivery (delivery/delivery.ts); delivery/retry-policy.ts reads the
  // port's SendResult. Moving SendResult and Delivery's shape into one of the two ends it.
  ['^core/ports$', '^core/delivery$'],
  ['^core/delivery$', '^core/ports$'],
];

/**
 * core/'s feature folders: each is one part of what Belong does. The other folders of core/ are
 * shared ground (ports, stores, i18n, the API's types, test helpers) that features build on.
 */
const featureFolders = ['checkin', 'content', 'delivery', 'rota', 'schedule', 'support'];

/**
 * Cycle rules for core/ at one scope: every import that closes a cycle fails, except the known
 * ones above (a module or folder with known cycles gets its own rule that allows only those).
 * @param {'module' | 'folder'} scope
 * @param {string[][]} known
 * @returns {import('dependency-cruiser').IForbiddenRuleType[]}
 */
function noCycles(scope, known) {
  const name = `no-${scope}-cycle-in-core`;
  const comment = `core/ has no import cycles between ${scope}s: a cycle means two parts cannot be read, tested or moved apart. Move the shared piece (often a type) down into a file both can import.`;
  const froms = [...new Set(known.map(([from]) => from))];
  return [
    {
      name,
      comment,
      severity: 'error',
      scope,
      from: { path: '^core(/|$)', pathNot: froms },
      to: { circular: true },
    },
    ...froms.map((from) => ({
      name,
      comment,
      severity: /** @type {const} */ ('error'),
      scope,
      from: { path: from },
      to: { circular: true, pathNot: known.filter(([f]) => f === from).map(([, to]) => to) },
    })),
  ];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...noCycles('module', knownModuleCycles),
    ...noCycles('folder', knownFolderCycles),
    {
      name: 'feature-through-index',
      comment: `A feature folder of core/ (${featureFolders.join(', ')}) reaches another only through that folder's index.ts, which names what it offers the rest of the house; everything else in a folder is its own business and may change without the others noticing. Import from '../<folder>/index.js', and add the name to that index if it is not there yet.`,
      severity: 'error',
      from: { path: `^core/(${featureFolders.join('|')})/` },
      to: {
        path: `^core/(${featureFolders.join('|')})/`,
        pathNot: ['^core/$1/', '^core/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'bot-not-server',
      comment:
        'bot/ never imports server/: server/ builds the bot, not the other way round. Take what you need as a parameter (a port in core/ports/ that server/services.ts fills in), or move the shared code into core/.',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: '^server/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import the checker cannot resolve is one whose cycles it cannot see: fix the path.',
      severity: 'error',
      from: { path: '^(core|bot)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: '\\.test\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Imports name the built file (`./csv.js`); the source beside it is `./csv.ts`.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
