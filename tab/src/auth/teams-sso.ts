/**
 * Single sign-on inside Teams, without TeamsFx (decision record 024): teams-js asks Teams for an
 * Entra ID token for Belong (scope `access_as_user`), the API client sends it as a bearer token,
 * and the server checks it (signature, issuer, audience, scope, that a Teams client asked, tenant,
 * not a guest). This module is all the tab knows about SSO: getting the token, and naming the
 * failures a person can meet so the tab can say what to do about them.
 */
import { authentication } from '@microsoft/teams-js';
import type { MessageKey } from '../../../core/i18n/index.js';
import { ApiRequestError, SignInError } from '../api/client.js';

/** teams-js caches the token and refreshes it when it is near expiry; call it for every request. */
export function getTeamsToken(): Promise<string> {
  return authentication.getAuthToken();
}

/**
 * - consent: nobody has allowed Belong to sign people in yet (the school's IT team must).
 * - guest: a guest account from another organisation; Belong is for the school's own accounts.
 * - tenant: this Belong service does not serve the person's school (organisation).
 * - token: Teams would not give a token, or the server would not accept it.
 */
export type SsoProblem = 'consent' | 'guest' | 'tenant' | 'token';

// What Teams (and Entra ID behind it) reject getAuthToken with when consent is missing: the
// teams-js error names and the Entra ID codes for "the user or admin has not consented".
const consentNeeded = /resourceRequiresConsent|consent_required|AADSTS65001|AADSTS90094/i;

/** The sign-in problem behind an error from the API client, if it is one. */
export function ssoProblemOf(error: unknown): SsoProblem | undefined {
  if (error instanceof SignInError) {
    const cause = error.cause;
    const text = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    return consentNeeded.test(text) ? 'consent' : 'token';
  }
  if (error instanceof ApiRequestError && error.status === 401) {
    if (error.problems.includes('tenantNotServed')) return 'tenant';
    if (error.problems.includes('guestAccount')) return 'guest';
    return 'token';
  }
  return undefined;
}

export const ssoMessageKeys: Record<SsoProblem, MessageKey> = {
  consent: 'tab.sso.consent',
  guest: 'tab.sso.guest',
  tenant: 'tab.sso.tenant',
  token: 'tab.error.sso',
};
