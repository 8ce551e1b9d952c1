import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import promptData from './data/prompts.json' with { type: 'json' };
import cmhwData from './data/cmhw.json' with { type: 'json' };
import promptSchema from './data/prompts.schema.json' with { type: 'json' };
import cmhwSchema from './data/cmhw.schema.json' with { type: 'json' };
import {
  cmhwProgramme,
  cmhwWeekFor,
  cmhwWeeks,
  currentOrNextCmhw,
  findPrompts,
  keyStages,
  keyStagesOf,
  phaseOf,
  phases,
  promptById,
  promptLibrary,
  promptText,
  promptThemes,
} from './content.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validatePrompts = ajv.compile(promptSchema);
const validateCmhw = ajv.compile(cmhwSchema);

const clone = <T>(value: T): T => structuredClone(value);

/** Splits text into sentences: a sentence ends at . ! ? or … (perhaps inside a closing quote). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…][’'”)]*)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
const words = (sentence: string) => sentence.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];

/** A rough readability check: the sentences longer than `maxWords` words. */
function longSentences(text: string, maxWords: number): string[] {
  return sentences(text).filter((s) => words(s).length > maxWords);
}

/**
 * Reading age about 8 for primary: at most 14 words a sentence in English. Welsh needs a few more
 * words for the same sentence ("ydych chi’n" for "do you"), so it gets 18. Secondary prompts can
 * be a little richer, but still plain.
 */
const maxWords = {
  primary: { 'en-GB': 14, cy: 18 },
  secondary: { 'en-GB': 20, cy: 26 },
} as const;

const isPrimary = (keyStageList: readonly string[]) =>
  keyStageList.some((k) => k === 'KS1' || k === 'KS2');

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('prompts.json against its schema', () => {
  it('is valid', () => {
    expect(validatePrompts(promptData), ajv.errorsText(validatePrompts.errors)).toBe(true);
  });

  const first = promptData[0]!;
  it.each([
    ['an unknown theme', { ...clone(first), theme: 'happiness' }],
    ['an id that is not kebab-case', { ...clone(first), id: 'Kindness_Thanks' }],
    ['too few minutes', { ...clone(first), minutes: 1 }],
    ['minutes that are not whole', { ...clone(first), minutes: 2.5 }],
    ['no key stages', { ...clone(first), keyStages: [] }],
    ['an unknown key stage', { ...clone(first), keyStages: ['KS5'] }],
    ['an unknown format', { ...clone(first), format: 'quiz' }],
    ['no Welsh', { ...clone(first), text: { 'en-GB': first.text['en-GB'] } }],
    ['an extra locale', { ...clone(first), text: { ...first.text, fr: 'Bonjour à tous.' } }],
    ['an extra property', { ...clone(first), emoji: 'smile' }],
    ['an empty text', { ...clone(first), text: { ...first.text, cy: '' } }],
  ])('rejects a prompt with %s', (_, broken) => {
    expect(validatePrompts([broken])).toBe(false);
  });
});

describe('cmhw.json against its schema', () => {
  it('is valid', () => {
    expect(validateCmhw(cmhwData), ajv.errorsText(validateCmhw.errors)).toBe(true);
  });

  const first = cmhwData[0]!;
  it.each([
    ['a date that is not ISO', { ...clone(first), startDate: '6/2/2023' }],
    ['a date that does not exist', { ...clone(first), endDate: '2023-02-30' }],
    [
      'a four-day programme',
      { ...clone(first), programmes: { ...first.programmes, primary: ['a', 'b', 'c', 'd'] } },
    ],
    [
      'the same prompt twice in a programme',
      { ...clone(first), programmes: { ...first.programmes, primary: ['a', 'a', 'b', 'c', 'd'] } },
    ],
    [
      'no secondary programme',
      { ...clone(first), programmes: { primary: first.programmes.primary } },
    ],
    ['a theme without Welsh', { ...clone(first), theme: { 'en-GB': first.theme['en-GB'] } }],
    ['a year that is not a number', { ...clone(first), year: '2023' }],
    ['an extra property', { ...clone(first), hashtag: '#CMHW' }],
  ])('rejects a week with %s', (_, broken) => {
    expect(validateCmhw([broken])).toBe(false);
  });
});

describe('the prompt library', () => {
  const library = promptLibrary();

  it('has at least 60 prompts, each id once', () => {
    expect(library.length).toBeGreaterThanOrEqual(60);
    expect(new Set(library.map((p) => p.id)).size).toBe(library.length);
  });

  it('covers every theme for every key stage, and each theme with at least 3 per phase', () => {
    for (const theme of promptThemes) {
      for (const keyStage of keyStages) {
        expect(findPrompts({ theme, keyStage }).length, `${theme} ${keyStage}`).toBeGreaterThan(0);
      }
      for (const phase of phases) {
        const inPhase = library.filter(
          (p) => p.theme === theme && p.keyStages.some((k) => phaseOf(k) === phase),
        );
        expect(inPhase.length, `${theme} ${phase}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('has a real Welsh text for every prompt, not the English copied', () => {
    for (const p of library) {
      expect(p.text.cy.trim(), p.id).not.toBe('');
      expect(p.text.cy, p.id).not.toBe(p.text['en-GB']);
    }
  });

  it('keeps to one or two sentences, ending with what to reply', () => {
    for (const p of library) {
      const en = sentences(p.text['en-GB']);
      const cy = sentences(p.text.cy);
      expect(en.length, p.id).toBeLessThanOrEqual(2);
      expect(cy.length, p.id).toBeLessThanOrEqual(2);
      expect(en.at(-1), p.id).toMatch(/^Reply\b/);
      expect(cy.at(-1), p.id).toMatch(/^Atebwch\b/);
    }
  });

  it('uses no emoji (pupil text must not rely on pictures)', () => {
    for (const p of library) {
      expect(`${p.text['en-GB']} ${p.text.cy}`, p.id).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  it('keeps sentences short: primary prompts at reading age about 8', () => {
    for (const p of library) {
      const limits = maxWords[isPrimary(p.keyStages) ? 'primary' : 'secondary'];
      expect(longSentences(p.text['en-GB'], limits['en-GB']), p.id).toEqual([]);
      expect(longSentences(p.text.cy, limits.cy), p.id).toEqual([]);
    }
  });

  it('the readability check flags a long sentence and splits sentences sensibly', () => {
    const long =
      'Think of all the different places in and around our school where you like to spend time.';
    expect(words(long)).toHaveLength(17);
    expect(longSentences(`${long} Reply with one.`, 14)).toEqual([long]);
    expect(longSentences('What game do you like? Reply with its name.', 14)).toEqual([]);
    expect(sentences('Finish this: ‘It is my place because…’. Reply with your ending.')).toEqual([
      'Finish this: ‘It is my place because…’.',
      'Reply with your ending.',
    ]);
    expect(words('Beth sy’n gwneud i chi wenu?')).toHaveLength(6); // sy’n is one word
  });
});

describe('look-ups', () => {
  it('finds prompts by id, theme and key stage, in library order', () => {
    const library = promptLibrary();
    const first = library[0]!;
    expect(promptById(first.id)).toBe(first);
    expect(promptById('no-such-prompt')).toBeUndefined();

    const kindKs1 = findPrompts({ theme: 'kindness', keyStage: 'KS1' });
    expect(kindKs1.length).toBeGreaterThan(0);
    expect(kindKs1.every((p) => p.theme === 'kindness' && p.keyStages.includes('KS1'))).toBe(true);
    const order = (ids: string[]) => ids.map((id) => library.findIndex((p) => p.id === id));
    const positions = order(kindKs1.map((p) => p.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(findPrompts()).toEqual([...library]);
    expect(findPrompts({ keyStage: 'KS4' })).toEqual(findPrompts({ keyStage: 'KS4' }));
  });

  it('maps key stages to phases', () => {
    expect(keyStages.map(phaseOf)).toEqual(['primary', 'primary', 'secondary', 'secondary']);
    expect(keyStagesOf('primary')).toEqual(['KS1', 'KS2']);
    expect(keyStagesOf('secondary')).toEqual(['KS3', 'KS4']);
  });

  it('gives the text in the reader’s language', () => {
    const prompt = promptById('belonging-this-is-my-place-because')!;
    expect(promptText(prompt, 'en-GB')).toContain('This is my place');
    expect(promptText(prompt, 'cy')).toContain('Dyma fy lle i');
  });

  it('hands out frozen data, so no caller can change the library for everyone', () => {
    expect(Object.isFrozen(promptLibrary())).toBe(true);
    expect(Object.isFrozen(promptLibrary()[0])).toBe(true);
    expect(Object.isFrozen(cmhwWeeks()[0]!.programmes.primary)).toBe(true);
  });
});

describe('Children’s Mental Health Week', () => {
  const weeks = cmhwWeeks();

  it('lists each year once, oldest first, in the data as well as in the module', () => {
    const years = cmhwData.map((w) => w.year);
    expect(new Set(years).size).toBe(years.length);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(weeks.map((w) => w.year)).toEqual(years);
  });

  it('runs each week from a Monday to the Sunday six days later', () => {
    for (const week of weeks) {
      expect(dayOfWeek(week.startDate), `${week.year} starts on a Monday`).toBe(1);
      expect(week.endDate, `${week.year} ends 6 days later`).toBe(plusDays(week.startDate, 6));
      expect(week.startDate.slice(0, 4), `${week.year} is in its year`).toBe(String(week.year));
    }
  });

  it('has a programme of 5 known prompts per phase, each suited to every key stage of it', () => {
    for (const week of weeks) {
      for (const phase of phases) {
        const ids = week.programmes[phase];
        expect(ids, `${week.year} ${phase}`).toHaveLength(5);
        for (const id of ids) {
          const prompt = promptById(id);
          expect(prompt, `${week.year} ${phase}: ${id} is in the library`).toBeDefined();
          for (const keyStage of keyStagesOf(phase)) {
            expect(prompt!.keyStages, `${week.year} ${phase}: ${id} suits ${keyStage}`).toContain(
              keyStage,
            );
          }
        }
        expect(cmhwProgramme(week.year, phase).map((p) => p.id)).toEqual(ids);
      }
    }
  });

  it('knows the four themes so far, with 2026 as “This is My Place”, 9–15 February', () => {
    expect(weeks.slice(0, 4).map((w) => [w.year, w.theme['en-GB'], w.startDate])).toEqual([
      [2023, 'Let’s Connect', '2023-02-06'],
      [2024, 'My Voice Matters', '2024-02-05'],
      [2025, 'Know Yourself, Grow Yourself', '2025-02-03'],
      [2026, 'This is My Place', '2026-02-09'],
    ]);
    const week = cmhwWeekFor(2026)!;
    expect(week.startDate).toBe('2026-02-09');
    expect(week.endDate).toBe('2026-02-15');
    expect(week.theme.cy).not.toBe(week.theme['en-GB']);
    expect(cmhwWeekFor(2019)).toBeUndefined();
    expect(cmhwProgramme(2019, 'primary')).toEqual([]);
  });

  it.each([
    ['2022-09-01', 2023],
    ['2023-02-12', 2023],
    ['2023-02-13', 2024],
    ['2025-02-09', 2025],
    ['2025-02-10', 2026],
    ['2026-02-08', 2026],
    ['2026-02-09', 2026],
    ['2026-02-15', 2026],
  ])('on %s the current or next week is %i', (today, year) => {
    expect(currentOrNextCmhw(today)?.year).toBe(year);
  });

  it('after the last known week, points only at a later year (or none)', () => {
    const last = weeks.at(-1)!;
    expect(currentOrNextCmhw(plusDays(last.endDate, 1))).toBeUndefined();
    expect(currentOrNextCmhw('2026-02-16')?.year ?? Infinity).toBeGreaterThan(2026);
  });
});
