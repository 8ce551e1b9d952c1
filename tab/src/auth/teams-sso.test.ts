import { describe, expect, it } from 'vitest';
import { locales, t } from '../../../core/i18n/index.js';
import { ApiRequestError, SignInError } from '../api/client.js';
import { errorMessageKey } from '../api/error-message.js';
import { ssoMessageKeys, ssoProblemOf } from './teams-sso.js';

// What teams-js rejects getAuthToken with: an Error whose message is the host's reason.
const hostRefused = (reason: string) =>
  new SignInError('could not get a token from the host', { cause: new Error(reason) });
const refused = (problems: string[] = []) =>
  new ApiRequestError(401, 'unauthenticated', 'No.', problems);

describe('the sign-in problems a person can meet in Teams', () => {
  it.each([
    ['resourceRequiresConsent', 'consent'],
    ['consent_required', 'consent'],
    ['AADSTS65001: The user or administrator has not consented', 'consent'],
    ['AADSTS90094: admin consent is required', 'consent'],
    ['CancelledByUser', 'token'],
    ['resourceRequiresMfa', 'token'],
    ['App SSO is not supported', 'token'],
  ])('Teams refusing a token with "%s" is a %s problem', (reason, problem) => {
    expect(ssoProblemOf(hostRefused(reason))).toBe(problem);
  });

  it('reads the server’s reason for refusing a token: tenant, guest, or the token itself', () => {
    expect(ssoProblemOf(refused(['tenantNotServed']))).toBe('tenant');
    expect(ssoProblemOf(refused(['guestAccount']))).toBe('guest');
    expect(ssoProblemOf(refused())).toBe('token');
  });

  it('leaves every other failure to the general words', () => {
    expect(ssoProblemOf(new ApiRequestError(403, 'forbidden', 'No.'))).toBeUndefined();
    expect(ssoProblemOf(new ApiRequestError(0, 'network', 'No.'))).toBeUndefined();
    expect(ssoProblemOf(new Error('boom'))).toBeUndefined();
    expect(errorMessageKey(new ApiRequestError(403, 'forbidden', 'No.'))).toBe(
      'tab.error.forbidden',
    );
  });

  it('gives each problem its own words, in English and Welsh, saying what to do', () => {
    expect(errorMessageKey(hostRefused('resourceRequiresConsent'))).toBe('tab.sso.consent');
    expect(errorMessageKey(refused(['guestAccount']))).toBe('tab.sso.guest');
    expect(errorMessageKey(refused(['tenantNotServed']))).toBe('tab.sso.tenant');
    expect(errorMessageKey(hostRefused('CancelledByUser'))).toBe('tab.error.sso');
    expect(t('en-GB', ssoMessageKeys.consent)).toMatch(/IT team/);
    expect(t('en-GB', ssoMessageKeys.guest)).toMatch(/school account/);
    expect(t('en-GB', ssoMessageKeys.tenant)).toMatch(/not set up for your school/);
    for (const locale of locales) {
      const words = Object.values(ssoMessageKeys).map((key) => t(locale, key));
      expect(new Set(words).size, locale).toBe(4);
    }
    expect(t('cy', ssoMessageKeys.guest)).toMatch(/gwestai/);
  });
});
