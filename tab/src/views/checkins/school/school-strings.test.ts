import { describe, expect, it } from 'vitest';
import { checkinSettingProblems } from '../../../../../core/checkin/checkin-settings.js';
import { checkinTemplate, checkinTemplateIds } from '../../../../../core/checkin/templates.js';
import { enGBCheckinSchool } from '../../../../../core/i18n/en-GB/checkin-school.js';
import { cyCheckinSchool } from '../../../../../core/i18n/cy/checkin-school.js';
import type { Message } from '../../../../../core/i18n/index.js';
import { knownQuestions } from './heat-map.js';

const placeholders = (m: Message) =>
  [
    ...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? []),
  ].sort();

describe('school trends strings', () => {
  it('Welsh covers every key with the same placeholders, and nothing is empty', () => {
    expect(Object.keys(cyCheckinSchool).sort()).toEqual(Object.keys(enGBCheckinSchool).sort());
    for (const [key, message] of Object.entries(enGBCheckinSchool) as [string, Message][]) {
      expect(key.startsWith('tab.trends.'), key).toBe(true);
      const welsh = (cyCheckinSchool as Record<string, Message>)[key]!;
      expect(placeholders(welsh), key).toEqual(placeholders(message));
      for (const text of typeof welsh === 'string' ? [welsh] : Object.values(welsh)) {
        expect(text.trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  it('every question any template asks has a staff label', () => {
    const ids = new Set(
      checkinTemplateIds.flatMap((id) => checkinTemplate(id).questions.map((q) => q.id)),
    );
    expect([...ids].sort()).toEqual([...knownQuestions].sort());
    for (const id of ids) expect(enGBCheckinSchool).toHaveProperty(`tab.trends.question.${id}`);
  });

  it('every settings problem the server names has words', () => {
    for (const code of checkinSettingProblems) {
      expect(enGBCheckinSchool).toHaveProperty(`tab.trends.problem.${code}`);
    }
  });
});
