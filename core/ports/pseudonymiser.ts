/**
 * Check-in answers are stored against a pseudonym, never a name, Teams id or Entra object id.
 * The pseudonym is a keyed hash (the key comes from configuration), so it is stable for one pupil
 * in one school, can't be reversed without the key, and differs between schools.
 */
export interface Pseudonymiser {
  pseudonymOf(tenantId: string, userId: string): string;
}
