/**
 * What can go wrong when Belong asks Microsoft Graph, as values the edges already understand
 * (they are BelongErrors: an API answers 503 or 404, a card says it plainly). Messages name a
 * permission and a team's group id at most — never a person.
 */
import { BelongError } from '../../core/errors.js';

/** Where consent is missing: in one team (resource-specific consent) or for the whole tenant. */
export type ConsentScope =
  { kind: 'team'; groupId: string; permission: string } | { kind: 'tenant'; permission: string };

/** Graph said 403: the app has not been granted the permission this read needs. */
export class GraphConsentMissing extends BelongError {
  constructor(readonly consent: ConsentScope) {
    super('unavailable', consentMessage(consent));
    this.name = 'GraphConsentMissing';
  }
}

/** Graph said 404: the team or person is not there (removed, or never was). */
export class GraphNotFound extends BelongError {
  constructor(what: string) {
    super('notFound', `Microsoft Graph has no ${what}`);
    this.name = 'GraphNotFound';
  }
}

/** Graph kept failing (5xx, throttling past our patience, or no answer) after every retry. */
export class GraphUnavailable extends BelongError {
  constructor(
    what: string,
    readonly lastStatus: number | undefined,
    readonly attempts: number,
  ) {
    super(
      'unavailable',
      `Microsoft Graph did not answer ${what} after ${attempts} tries (last: ${lastStatus ?? 'no response'})`,
    );
    this.name = 'GraphUnavailable';
  }
}

/** Graph refused the request itself (400, 401 …): a bug or a broken identity, not worth a retry. */
export class GraphRequestFailed extends BelongError {
  constructor(
    what: string,
    readonly graphStatus: number,
  ) {
    super('internal', `Microsoft Graph refused ${what} with ${graphStatus}`);
    this.name = 'GraphRequestFailed';
  }
}

function consentMessage(consent: ConsentScope): string {
  if (consent.kind === 'team')
    return (
      `An administrator needs to grant Belong consent in team ${consent.groupId}: ` +
      `Belong may not use ${consent.permission} there. A team owner adds or updates the Belong ` +
      `app in that team and accepts its permissions (resource-specific consent), or the ` +
      `administrator allows resource-specific consent for Belong in the Teams admin centre.`
    );
  return (
    `An administrator needs to grant Belong consent in the tenant: Belong may not use ` +
    `${consent.permission}. In the Microsoft Entra admin centre, open Enterprise applications → ` +
    `Belong → Permissions and grant admin consent.`
  );
}
