/**
 * fast-check arbitraries for malformed tab-API requests: path segments, query strings and bodies
 * an attacker (or a confused client) might send. Mostly junk, with some good values mixed in so
 * that requests get past the first check and reach the code behind it.
 */
import fc from 'fast-check';
import { demoSchool } from '../../server/demo/demo-school.js';
import { fillPath, type ApiRoute } from './api-routes.js';

/** URLs carry UTF-8: a lone surrogate cannot be encoded in one (bad bytes are sent raw below). */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd');

const goodIds: Record<string, string[]> = {
  teamId: [demoSchool.team.id],
  userId: demoSchool.people.map((p) => p.id),
  id: [...demoSchool.people.map((p) => p.id), '1764000000000-ab12cd34'],
  scheduleId: ['00000000-0000-4000-8000-00000000beef'],
  occurrenceId: ['00000000-0000-4000-8000-00000000beef@2026-11-25'],
};

/** Text that has broken things before: long, empty, forbidden in keys, not well-formed, sneaky. */
const nastyText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\ud800',
    'a\udc00b',
    '\u0000',
    'a\nb',
    '\u202eevil',
    '\u200b',
    '/',
    '\\',
    '#',
    '?',
    '%',
    '|',
    '..',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '[Free prizes](https://evil.example/x)',
    '<at>Belong</at>',
    '19:other-school@thread.tacv2',
    '00000000-0000-4000-8000-ffffffffffff',
  ),
  fc.integer({ min: 190, max: 450 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

/** A JSON value of the wrong type, or a plausible one. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    demoSchool.team.id,
    demoSchool.team.generalChannelId,
    demoSchool.people[0]!.id,
    '2026-11-25',
    '09:00',
    'daily-mood',
    'secondary',
    'en-GB',
    'cy',
    'once',
    'prompt',
    'assign',
    'note',
    'admin',
  ),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(nastyText, nastyText, { maxKeys: 3 }),
);

/** The field names the API's bodies and queries use, so junk lands in the fields that matter. */
const fieldNames = [
  'teamId',
  'channelId',
  'templateId',
  'phase',
  'locale',
  'k',
  'yearGroups',
  'question',
  'period',
  'kind',
  'promptId',
  'year',
  'time',
  'content',
  'repeat',
  'date',
  'start',
  'end',
  'weekdays',
  'classes',
  'terms',
  'closures',
  'now',
  'personaId',
  'roles',
  'q',
  'limit',
  'format',
  'urgency',
  'text',
  'to',
  'from',
  'action',
  'slotId',
  'ambassadorId',
  'slots',
  'availability',
  'inReturn',
  'reminderTime',
  'todayCard',
  'startDate',
  'endDate',
  'weekAB',
  'maxPerWeek',
  'theme',
  'keyStage',
];

const plausibleObject = fc.dictionary(fc.constantFrom(...fieldNames), junkValue, {
  minKeys: 1,
  maxKeys: 6,
});

/** One path segment, already percent-encoded (or deliberately badly encoded). */
const segment = (param: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(goodIds[param] ?? ['x'])).map(encodeURIComponent) },
    {
      weight: 5,
      arbitrary: nastyText.map((t) => encodeURIComponent(wellFormed(t))),
    },
    fc.constantFrom('%ED%A0%80', '%FF', '%00', '%2F', '%ZZ', '%', '%C0%AF', '..', '.'),
  );

const queryString = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), nastyText), fc.oneof(nastyText, junkValue)),
    { maxLength: 4 },
  )
  .map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs)
      q.append(wellFormed(k), wellFormed(typeof v === 'string' ? v : String(JSON.stringify(v))));
    const s = q.toString();
    return s ? `?${s}` : '';
  });

export interface FuzzBody {
  contentType?: string;
  text?: string;
}

const body: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 4,
    arbitrary: plausibleObject.map((o) => ({
      contentType: 'application/json',
      text: JSON.stringify(o),
    })),
  },
  fc.jsonValue().map((v) => ({ contentType: 'application/json', text: JSON.stringify(v) ?? '' })),
  fc.string({ maxLength: 40 }).map((t) => ({ contentType: 'application/json', text: t })),
  fc.constantFrom<FuzzBody>(
    { contentType: 'application/json', text: '{"teamId": "\\ud800"}' },
    { contentType: 'application/json', text: '{"__proto__": {"admin": true}}' },
    { contentType: 'application/json', text: '[]' },
    { contentType: 'application/json', text: 'null' },
    { contentType: 'application/json', text: '{' },
    { contentType: 'application/json; charset=utf-16', text: '{}' },
    { contentType: 'text/plain', text: '{"now": "2099-01-01T00:00:00Z"}' },
    { contentType: 'application/x-www-form-urlencoded', text: 'teamId=x&roles=admin' },
    { contentType: 'application/json', text: `{"text": "${'x'.repeat(120_000)}"}` },
  ),
);

export interface FuzzRequest {
  method: string;
  path: string;
  body: FuzzBody;
}

/** Malformed requests for one route: its own method and shape, with junk in every part. */
export function fuzzRequest(route: ApiRoute): fc.Arbitrary<FuzzRequest> {
  const segments = fc.record(
    Object.fromEntries(route.params.map((p) => [p, segment(p)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  return fc.record({ segments, query: queryString, body }).map(({ segments, query, body }) => ({
    method: route.method,
    path: fillPath(route, segments) + query,
    body,
  }));
}
