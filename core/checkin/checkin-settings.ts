/**
 * The school's check-in settings: the suppression threshold k (5–20, default 10) and which year
 * group each class team is in (for the year-group view). Kept in the check-ins table; changing
 * them changes every trend, so saving also marks trends as changed.
 */
import { BelongError } from '../errors.js';
import type { TableStore } from '../ports/table-store.js';
import { defaultK, maximumK, minimumK } from './suppression.js';

export interface CheckinSettings extends Record<string, unknown> {
  k: number;
  /** Class team id → year group ("R", "1" … "13"), or `notInTotals`. */
  yearGroups: Record<string, string>;
}

/**
 * For a class team that isn't a form or tutor group (a subject set, a club): its pupils are also
 * in a form group, so adding its check-ins to the year group and the school would count them
 * twice. The class keeps its own trend; year groups and the school leave it out.
 */
export const notInTotals = 'none';

export const yearGroupValues = [
  'R',
  ...Array.from({ length: 13 }, (_, i) => String(i + 1)),
  notInTotals,
];

export const defaultCheckinSettings = (): CheckinSettings => ({ k: defaultK, yearGroups: {} });

export const checkinSettingProblems = ['kTooSmall', 'kTooLarge', 'yearGroupUnknown'] as const;

/**
 * Refuses a k below 5 or above 20, and a year group that isn't R, 1–13 or `notInTotals`, naming
 * each problem.
 */
export function checkCheckinSettings(settings: CheckinSettings): CheckinSettings {
  const problems: string[] = [];
  if (!Number.isInteger(settings.k) || settings.k < minimumK) problems.push('kTooSmall');
  else if (settings.k > maximumK) problems.push('kTooLarge');
  if (Object.values(settings.yearGroups).some((y) => !yearGroupValues.includes(y)))
    problems.push('yearGroupUnknown');
  if (problems.length) throw new BelongError('invalidInput', 'invalid check-in settings', problems);
  return settings;
}

const key = (tenantId: string) => ({ tenantId, partition: 'settings', row: 'school' });

export class CheckinSettingsStore {
  constructor(private readonly store: TableStore) {}

  async get(tenantId: string): Promise<CheckinSettings> {
    return (
      (await this.store.get<CheckinSettings>('checkins', key(tenantId)))?.value ??
      defaultCheckinSettings()
    );
  }

  async put(tenantId: string, settings: CheckinSettings): Promise<void> {
    await this.store.upsert('checkins', key(tenantId), checkCheckinSettings(settings));
  }
}
