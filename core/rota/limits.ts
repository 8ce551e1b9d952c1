/**
 * The rota's number limits, written once: core's checks (coordinator.ts, autofill-school.ts), the
 * API's schemas (server/http/rota-api.ts) and the tab's form fields all read them from here. No
 * imports, so the tab can use them without bundling the rota's rules.
 */
export interface Limit {
  readonly min: number;
  readonly max: number;
}

export const rotaLimits = {
  /** Ambassadors a duty needs. */
  needed: { min: 1, max: 4 },
  /** An ambassador's year group: Year 3 to Year 13 (used to mix year groups on a duty). */
  yearGroup: { min: 3, max: 13 },
  /** The most duties an ambassador has in a week. */
  maxPerWeek: { min: 1, max: 10 },
} as const satisfies Record<string, Limit>;

/** A whole number within the limit. */
export const within = (value: number, limit: Limit): boolean =>
  Number.isInteger(value) && value >= limit.min && value <= limit.max;
