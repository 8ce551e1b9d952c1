/** Strings for the tab (tab/). Owned by the tab; keys are prefixed `tab.`. */
export const enGBTab = {
  'tab.title': 'Belong',
} as const;
