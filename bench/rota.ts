/**
 * `npm run bench:rota`: auto-fills a generated school's term (decision 009). The school is the
 * same every run (seeded): 40 ambassadors in Years 7–11 (`--primary`: Years 5–6) with varied
 * availability (a few can only do two times a week, some only in week A or B), 30 slots (5 days ×
 * morning break and lunch × 3 places, 1–2 needed), a 13-week A/B term from 2026-09-07 with half
 * term in week 7, at most 3 duties a week. Options: --runs 7 --seed 9
 * Last line: {"bench":"rota","ambassadors":40,"slots":30,"weeks":13,"ms":…,"maxMinGap":…,"unfilled":…}
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { autofill, type AutofillInput } from '../core/rota/autofill.js';
import type { Ambassador, Availability, RotaSlot, Weekday } from '../core/rota/rota.js';
import { mulberry32 } from '../core/prng.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '9' },
    primary: { type: 'boolean', default: false },
  },
});

function school(seed: number, primary: boolean): AutofillInput {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const weekdays: Weekday[] = [1, 2, 3, 4, 5];
  const periods = ['morning-break', 'lunch'];
  const places = ['buddy-bench', 'library', 'playground'];
  const adults = ['Mr Evans', 'Ms Patel', 'Mrs Hughes', 'Mr Okafor'];

  const slots: RotaSlot[] = [];
  for (const weekday of weekdays) {
    for (const periodId of periods) {
      for (const placeId of places) {
        slots.push({
          id: `${weekday}-${periodId}-${placeId}`,
          weekday,
          periodId,
          placeId,
          needed: random() < 0.5 ? 1 : 2,
          supervisingAdult: pick(adults),
        });
      }
    }
  }

  const times = weekdays.flatMap((weekday) => periods.map((periodId) => ({ weekday, periodId })));
  const years = primary ? [5, 6] : [7, 8, 9, 10, 11];
  const ambassadors: Ambassador[] = [];
  for (let i = 0; i < 40; i++) {
    // Most can do 3–8 of the 10 times; one in seven only 2 (clubs, music lessons…).
    const count = i % 7 === 3 ? 2 : 3 + Math.floor(random() * 6);
    const shuffled = [...times].sort(() => random() - 0.5);
    const availability: Availability[] = shuffled.slice(0, count).map((t) => ({ ...t }));
    // Some add a time they can do only in one week of the fortnight.
    if (random() < 0.25 && count < times.length) {
      availability.push({ ...shuffled[count]!, week: random() < 0.5 ? 'A' : 'B' });
    }
    const year = pick(years);
    ambassadors.push({
      id: `amb-${String(i + 1).padStart(2, '0')}`,
      yearGroup: year,
      trainedOn: `20${24 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 9)}-15`,
      active: true,
      availability,
    });
  }

  // 13 weeks from Monday 7 September 2026; half term is week 7 (19–23 October).
  const startDate = '2026-09-07';
  const schoolDates: string[] = [];
  for (let week = 0; week < 13; week++) {
    if (week === 6) continue;
    for (let day = 0; day < 5; day++) {
      const date = new Date(Date.UTC(2026, 8, 7 + week * 7 + day));
      schoolDates.push(date.toISOString().slice(0, 10));
    }
  }
  return {
    rota: { startDate, endDate: '2026-12-04', weekAB: true, schoolDates, maxPerWeek: 3 },
    slots,
    ambassadors,
    locked: [],
  };
}

const input = school(Number(values.seed), values.primary);
const runs = Math.max(1, Number(values.runs));

const result = autofill(input); // warm-up (JIT), and the answer we report
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  autofill(input);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const started = performance.now();
const flowOnly = autofill(input, { improve: false });
const flowMs = performance.now() - started;

const loads = Object.values(result.loads);
const { stats } = result;
console.log(
  `places filled ${stats.filled}/${stats.needed}; loads ${Math.min(...loads)}–${Math.max(...loads)}; ` +
    `runs ${times.map((t) => t.toFixed(1)).join(', ')} ms`,
);
console.log(
  `close pairs (same or next school day) ${flowOnly.stats.closePairs} → ${stats.closePairs}; ` +
    `same-year pairs ${flowOnly.stats.sameYearPairs} → ${stats.sameYearPairs} ` +
    `(fair fill alone: ${flowMs.toFixed(1)} ms)`,
);
console.log(
  JSON.stringify({
    bench: 'rota',
    ambassadors: input.ambassadors.length,
    slots: input.slots.length,
    weeks: 13,
    ms: Number(median.toFixed(1)),
    maxMinGap: stats.maxMinGap,
    unfilled: result.unfilled.length,
  }),
);
