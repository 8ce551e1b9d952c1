/**
 * The weekdays a weekly repeat can choose: 1 = Monday … 5 = Friday. Its own file, without
 * imports, so the cards (and the tab's previews of them) can name weekdays without pulling in
 * the schedule rules.
 */
export const schoolWeekdays = [1, 2, 3, 4, 5] as const;
export type SchoolWeekday = (typeof schoolWeekdays)[number];

export const isSchoolWeekday = (day: number): day is SchoolWeekday =>
  (schoolWeekdays as readonly number[]).includes(day);
