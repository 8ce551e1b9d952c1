/** The wellbeing-ambassador rota in the tab (coordinator week grid, ambassador views). Keys are prefixed `tab.rota.`. */
export const enGBRotaTab = {} as const;
