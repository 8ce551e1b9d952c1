/**
 * `npm run test:dates`: the whole suite (`npm test`) under libfaketime at dates that have broken
 * date-dependent tests before — in term, the last week of a term, the Christmas holiday, the summer
 * break, the night the clocks go forward, a leap day, and a later year — each in a time zone of
 * its own, so a test that reads the machine's date or zone shows up. Needs Debian's `faketime`.
 * Not part of CI (it runs the suite seven times); run it before trusting a change to dates.
 *
 * The fake clock is an offset from the real one (`faketime -f +<seconds>`), not a start time
 * (`@<date>`): with a start time every process's clock starts at that moment when the process
 * starts, so a server started three minutes into the run would be three minutes behind the test
 * that started it, and leases between processes would never expire.
 *
 *   npm run test:dates                      # every date, one after another
 *   npm run test:dates -- --only leap-day   # one date (a label below)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';

interface FakeDate {
  label: string;
  /** Local time in `tz` that the machine's clock starts at (it then runs forward). */
  at: string;
  tz: string;
  why: string;
}

const dates: FakeDate[] = [
  { label: 'term-wednesday', at: '2027-03-10 10:00:00', tz: 'UTC', why: 'a Wednesday in term' },
  {
    label: 'end-of-term',
    at: '2026-12-16 15:30:00',
    tz: 'Europe/London',
    why: 'the last week of the autumn term',
  },
  { label: 'christmas', at: '2026-12-28 09:00:00', tz: 'UTC', why: 'the Christmas holiday' },
  { label: 'summer', at: '2027-08-10 14:00:00', tz: 'Europe/London', why: 'the summer break' },
  {
    label: 'clocks-forward',
    at: '2027-03-28 00:57:00',
    tz: 'Europe/London',
    why: 'the night the clocks go forward (01:00 GMT becomes 02:00 BST during the run)',
  },
  { label: 'leap-day', at: '2028-02-29 11:00:00', tz: 'Pacific/Auckland', why: '29 February' },
  {
    label: 'year-2029',
    at: '2029-06-13 08:00:00',
    tz: 'America/New_York',
    why: 'a date in 2029',
  },
];

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const chosen = values.only ? dates.filter((d) => values.only!.includes(d.label)) : dates;
if (!chosen.length) {
  console.error(`No such date; choose from: ${dates.map((d) => d.label).join(', ')}`);
  process.exit(2);
}
if (spawnSync('faketime', ['-f', '@2000-01-01 00:00:00', 'true']).status !== 0) {
  console.error('faketime is not installed: apt-get install -y faketime');
  process.exit(2);
}

const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repo, '.data', 'test-dates');
mkdirSync(outDir, { recursive: true });

const rows: string[] = [];
for (const date of chosen) {
  const results = path.join(outDir, `${date.label}.json`);
  rmSync(results, { force: true });
  const env = { ...process.env, TZ: date.tz };
  const target = DateTime.fromFormat(date.at, 'yyyy-MM-dd HH:mm:ss', { zone: date.tz });
  // The one place that reads the real date: to work out how far to move it.
  const offset = `${Math.round((target.toMillis() - Date.now()) / 1000)}`;
  const fake = ['-f', offset.startsWith('-') ? offset : `+${offset}`];
  const seen = spawnSync(
    'faketime',
    [...fake, process.execPath, '-e', 'console.log(new Date().toString())'],
    { env, encoding: 'utf8' },
  ).stdout.trim();
  console.log(`\n=== ${date.label}: ${date.why}; the machine says ${seen} ===`);
  const started = performance.now();
  const run = spawnSync(
    'faketime',
    [
      ...fake,
      'npm',
      'test',
      '--',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${results}`,
    ],
    { cwd: repo, env, stdio: 'inherit' },
  );
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  let summary = `exit ${run.status}, no results`;
  try {
    const r = JSON.parse(readFileSync(results, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
      testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
    };
    const broken = r.testResults.filter(
      (s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed'),
    );
    summary = `${r.numPassedTests} passed, ${r.numFailedTests + broken.length} failed`;
    const failedFiles = r.testResults
      .filter((s) => s.status === 'failed')
      .map((s) => path.relative(repo, s.name));
    if (failedFiles.length) summary += ` (${failedFiles.join(', ')})`;
  } catch {
    // no results file: the summary says so
  }
  rows.push(
    `| ${date.label} | ${date.at} ${date.tz} | ${date.why} | ${summary} | ${minutes} min |`,
  );
}

console.log('\n| date | machine clock starts at | why | result | time |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
process.exitCode = rows.every((r) => / 0 failed/.test(r)) ? 0 : 1;
