/** The wellbeing lead's school view of check-in trends (heat map, year groups, terms, CSV) and the check-in settings. Keys are prefixed `tab.trends.`. */
export const enGBCheckinSchool = {
  'tab.trends.nav': 'School trends',
} as const;
