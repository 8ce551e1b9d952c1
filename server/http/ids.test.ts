import type { Request } from 'express';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBelongError } from '../../core/errors.js';
import { assertKey } from '../../core/ports/table-store.js';
import { demoSchool } from '../demo/demo-school.js';
import { ids, isKeySafe, isPlainText, maxIdLength, pathId, type IdKind } from './ids.js';

const freeText: IdKind[] = ['teamId', 'channelId', 'occurrenceId', 'scheduleId', 'promptId'];
const ok = (kind: IdKind, value: unknown) => ids[kind].safeParse(value).success;

describe('ids at the edge', () => {
  it('takes the ids Teams and Belong make', () => {
    expect(ok('teamId', demoSchool.team.id)).toBe(true);
    expect(ok('teamId', '19:2e8f0a4b1c3d4e5f@thread.tacv2')).toBe(true);
    expect(ok('channelId', '19:abc-def_123@thread.skype')).toBe(true);
    expect(ok('userId', demoSchool.people[0]!.id)).toBe(true);
    expect(ok('userId', 'A1B2C3D4-0000-4000-8000-0000000000FF')).toBe(true);
    expect(ok('scheduleId', crypto.randomUUID())).toBe(true);
    expect(ok('occurrenceId', `${crypto.randomUUID()}@2026-11-24`)).toBe(true);
    expect(ok('occurrenceId', 'talk:1764000000000-ab12cd34:seen')).toBe(true);
    expect(ok('talkRequestId', '1764000000000-ab12cd34')).toBe(true);
    expect(ok('rotaRequestId', crypto.randomUUID())).toBe(true);
    expect(ok('slotId', 'lunch-bench-1')).toBe(true);
    expect(ok('date', '2026-11-24')).toBe(true);
    // Welsh and emoji are well-formed text: a pair of surrogates is one character.
    expect(ok('promptId', 'Dydd-Llun-🙂')).toBe(true);
  });

  it('refuses empty ids, and free text over 200 characters (400 is a storage key part, with room for prefixes)', () => {
    for (const kind of Object.keys(ids) as IdKind[]) expect(ok(kind, '')).toBe(false);
    expect(ok('teamId', 'x'.repeat(maxIdLength))).toBe(true);
    for (const length of [maxIdLength + 1, 400, 401])
      for (const kind of freeText) expect(ok(kind, 'x'.repeat(length))).toBe(false);
  });

  it('refuses lone surrogates, control characters and the characters Azure Tables forbids in keys', () => {
    const bad = [
      '\ud800',
      'a\udc00b',
      'team\ud83d',
      '\udfff\ud800',
      'a\u0000b',
      'a\nb',
      'a\tb',
      'a\u007fb',
      'a\u0085b',
      'a/b',
      'a\\b',
      'a#b',
      'a?b',
    ];
    for (const text of bad) for (const kind of freeText) expect(ok(kind, text), text).toBe(false);
    for (const text of bad) expect(isKeySafe(text), text).toBe(false);
  });

  it('refuses non-strings, and GUIDs, dates and slot ids that are not in their form', () => {
    for (const kind of Object.keys(ids) as IdKind[])
      for (const value of [undefined, null, 7, {}, ['19:a@thread.tacv2'], true])
        expect(ok(kind, value)).toBe(false);
    expect(ok('userId', '00000000-0000-4000-8000-00000000000')).toBe(false);
    expect(ok('userId', '00000000-0000-4000-8000-000000000001\n')).toBe(false);
    expect(ok('rotaRequestId', 'not-a-guid')).toBe(false);
    expect(ok('date', '24/11/2026')).toBe(false);
    expect(ok('date', '2026-11-24T00:00')).toBe(false);
    expect(ok('slotId', 'lunch bench')).toBe(false);
    expect(ok('slotId', 'x'.repeat(41))).toBe(false);
    expect(ok('talkRequestId', 'a:b')).toBe(false);
  });

  it('plain text (names, labels) may have / # ? but no control characters or lone surrogates', () => {
    expect(isPlainText('Lunch / break #2?')).toBe(true);
    expect(isPlainText('Mrs Ŵen Jones 🙂')).toBe(true);
    for (const text of ['\ud800', 'a\u0000', 'a\nb', 'a\u009fb'])
      expect(isPlainText(text)).toBe(false);
  });

  it('any id it takes is a valid storage key part, whatever the prefix a store adds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...freeText),
        fc.string({ unit: 'binary', maxLength: 450 }),
        (kind, text) => {
          if (!ok(kind, text)) return;
          const row = `checkin|${text}@2026-11-24`;
          expect(() =>
            assertKey({ tenantId: demoSchool.tenantId, partition: row, row }),
          ).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('pathId', () => {
  const req = (params: Record<string, string>) => ({ params }) as unknown as Request;

  it('returns a good path id as it is', () => {
    expect(pathId(req({ teamId: demoSchool.team.id }), 'teamId', 'teamId')).toBe(
      demoSchool.team.id,
    );
  });

  it('answers a bad one with 400 invalidInput naming the parameter, or an honest 404', () => {
    const bad = () => pathId(req({ teamId: 'x'.repeat(401) }), 'teamId', 'teamId');
    expect(bad).toThrow(/class team id \(look at teamId\)/);
    try {
      bad();
    } catch (e) {
      expect(isBelongError(e, 'invalidInput')).toBe(true);
    }
    try {
      pathId(req({ id: '\ud800' }), 'id', 'talkRequestId', { notFound: 'No such request' });
      expect.unreachable();
    } catch (e) {
      expect(isBelongError(e, 'notFound')).toBe(true);
    }
    expect(() => pathId(req({}), 'teamId', 'teamId')).toThrow(/look at teamId/);
  });
});
