/**
 * Who could be added to a duty, as the server worked it out (core/rota/rules.ts
 * `dutyCandidates`): the Add dialog and "Give the duty" offer only those who can take it, and say
 * why each of the others cannot, so they never contradict the grid's reason.
 */
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { DutyCandidate } from '../../../../core/api/rota.js';

export interface CandidateChoices {
  /** Ids of those who can take the duty now, in the server's order. */
  free: string[];
  /** Everyone else, with why, in words: "Year 9 Sam: on another duty then; …". */
  cannot: { id: string; text: string }[];
}

export function candidateChoices(
  locale: Locale,
  candidates: readonly DutyCandidate[],
  nameFor: (id: string) => string,
): CandidateChoices {
  const free: string[] = [];
  const cannot: { id: string; text: string }[] = [];
  for (const c of candidates) {
    if (c.problems.length === 0) {
      free.push(c.ambassadorId);
      continue;
    }
    const why = c.problems.map((p) => t(locale, `tab.rota.cannot.${p}`)).join('; ');
    cannot.push({
      id: c.ambassadorId,
      text: t(locale, 'tab.rota.cannot.item', { name: nameFor(c.ambassadorId), why }),
    });
  }
  return { free, cannot };
}
