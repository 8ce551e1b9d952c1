/**
 * Every way the rota says no, in one catalogue. A refusal is a BelongError with one problem code
 * per reason (`rota.problem.<code>` in the string catalogue), so the tab and the bot can say each
 * one in the reader's language: 400 for input that can never be right, 403 for the wrong person,
 * 404 for something that isn't there, 409 for an action that conflicts with the rota as it is now
 * (the duty changed, the acceptor is busy, the request was taken first …). Auto-fill has its own,
 * finer codes for its input; they are turned into rota codes here, in a table the compiler checks.
 */
import { BelongError, type ErrorCode } from '../errors.js';
import { t, type Locale } from '../i18n/index.js';

export const rotaProblemCodes = [
  // input that can never be right (400)
  'dateInvalid',
  'endBeforeStart',
  'rangeTooLong',
  'weekWithoutWeekAB',
  'duplicateSlot',
  'slotRepeated',
  'unknownSlot',
  'notADuty',
  'inReturnMissing',
  'inReturnForCover',
  'overrideOnlyCover',
  'rotaInvalid',
  // not there (404)
  'unknownAmbassador',
  'unknownRequest',
  // not for this person (403)
  'notCoordinator',
  'notAmbassador',
  'notOnRota',
  // conflicts with the rota as it is now (409)
  'rotaNotSet',
  'rotaOver',
  'dutyPast',
  'ambassadorInactive',
  'notAvailable',
  'busyThen',
  'atMaximum',
  'dutyFull',
  'alreadyOnDuty',
  'notOnDuty',
  'notYourDuty',
  'requestExists',
  'requestNotOpen',
  'requestNotAccepted',
  'ownRequest',
  'dutyChanged',
  'requesterInactive',
  'requesterNotAvailable',
  'requesterBusyThen',
  'requesterAtMaximum',
  'requesterAlreadyOnDuty',
  'inReturnNotYours',
  'inReturnChanged',
  'lockInactive',
  'lockUnavailable',
  'lockClash',
  'lockOverfills',
  'lockOverMaximum',
  'busyTryAgain',
] as const;
export type RotaProblem = (typeof rotaProblemCodes)[number];

/** Whether a code (from the server) is one this build has words for. */
export const isRotaProblem = (code: string): code is RotaProblem =>
  (rotaProblemCodes as readonly string[]).includes(code);

/** A refusal's reason in the reader's language; a code this build does not know gets general words. */
export function rotaProblemText(locale: Locale, code: string): string {
  return isRotaProblem(code)
    ? t(locale, `rota.problem.${code}`)
    : t(locale, 'tab.connect.problem.unknown');
}

/** A refusal the tab and the bot can say in the reader's language; the message is English. */
export function rotaRefusal(
  code: ErrorCode,
  problems: readonly RotaProblem[],
  detail?: string,
): BelongError {
  const unique = [...new Set(problems)];
  const text = unique.map((c) => t('en-GB', `rota.problem.${c}`)).join(' ');
  return new BelongError(code, detail ? `${text} (${detail})` : text, unique);
}

// ---------------------------------------------------------------------------------------------
// Auto-fill's refusals

export const autofillProblemCodes = [
  'badStartDate',
  'badEndDate',
  'endBeforeStart',
  'badMaxPerWeek',
  'badSchoolDate',
  'badSlotId',
  'duplicateSlot',
  'badWeekday',
  'badPeriod',
  'badNeeded',
  'badWeek',
  'weekWithoutWeekAB',
  'badAmbassadorId',
  'duplicateAmbassador',
  'badYearGroup',
  'badTrainedOn',
  'badAvailability',
  'lockUnknownSlot',
  'lockUnknownAmbassador',
  'lockInactive',
  'lockNotADuty',
  'lockUnavailable',
  'lockTwice',
  'lockOverfills',
  'lockClash',
  'lockOverMaximum',
] as const;
export type AutofillProblem = (typeof autofillProblemCodes)[number];

/**
 * Auto-fill cannot fill the rota as asked. `codes` has one code per problem found (a code may
 * repeat, once per slot or lock it is about); the message adds a detail to each, for developers.
 */
export class AutofillRefusal extends BelongError {
  constructor(
    readonly codes: readonly AutofillProblem[],
    details: readonly string[],
  ) {
    const listed = codes.map((c, i) => `${c} (${details[i]})`).join('; ');
    super('invalidInput', `The rota cannot be filled as asked: ${listed}`, [...new Set(codes)]);
  }
}

/**
 * By the time the service runs auto-fill it has checked its own input and every lock, so what
 * auto-fill still refuses is stored data at odds with the rota as it is now: a conflict (409).
 * Codes people have words for keep them; the rest can only say the rota is not valid.
 */
const rotaProblemOf: Record<AutofillProblem, RotaProblem> = {
  badStartDate: 'rotaInvalid',
  badEndDate: 'rotaInvalid',
  endBeforeStart: 'endBeforeStart',
  badMaxPerWeek: 'rotaInvalid',
  badSchoolDate: 'rotaInvalid',
  badSlotId: 'rotaInvalid',
  duplicateSlot: 'duplicateSlot',
  badWeekday: 'rotaInvalid',
  badPeriod: 'rotaInvalid',
  badNeeded: 'rotaInvalid',
  badWeek: 'rotaInvalid',
  weekWithoutWeekAB: 'weekWithoutWeekAB',
  badAmbassadorId: 'rotaInvalid',
  duplicateAmbassador: 'rotaInvalid',
  badYearGroup: 'rotaInvalid',
  badTrainedOn: 'rotaInvalid',
  badAvailability: 'rotaInvalid',
  lockUnknownSlot: 'rotaInvalid',
  lockUnknownAmbassador: 'rotaInvalid',
  lockInactive: 'lockInactive',
  lockNotADuty: 'rotaInvalid',
  lockUnavailable: 'lockUnavailable',
  lockTwice: 'rotaInvalid',
  lockOverfills: 'lockOverfills',
  lockClash: 'lockClash',
  lockOverMaximum: 'lockOverMaximum',
};

/** Auto-fill's refusal as the rota's own (409), in the reader's language. */
export function rotaRefusalOf(refusal: AutofillRefusal): BelongError {
  const codes = refusal.codes.map((c) => rotaProblemOf[c]);
  return rotaRefusal('conflict', codes.length ? codes : ['rotaInvalid']);
}
