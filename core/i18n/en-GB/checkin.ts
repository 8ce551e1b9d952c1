/** Check-ins (pupil cards, answers and trends). Keys are prefixed `checkin.`; pupil-facing words at reading age about 8. */
export const enGBCheckin = {} as const;
