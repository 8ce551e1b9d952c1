/** Check-ins in the tab for a class (post, recent, trends) and a pupil's own check-ins. Keys are prefixed `tab.checkins.`; pupil-facing words at reading age about 8. */
export const enGBCheckinTab = {
  'tab.checkins.nav.class': 'Check-ins',
  'tab.checkins.nav.mine': 'My check-ins',
} as const;
