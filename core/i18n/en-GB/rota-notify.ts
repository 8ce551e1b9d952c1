/** Reminders, the on-duty card and swap/cover notices for the ambassador rota. Keys are prefixed `rotaNotify.`; ambassadors are pupils, so reading age about 8. */
export const enGBRotaNotify = {} as const;
