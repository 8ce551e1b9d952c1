/**
 * The tab's API client: one small client per feature over one request core (request.ts), like
 * teams.ts's per-resource clients. Views take the feature client they use (`client.rota`,
 * `client.checkins` …); the request and response types are core/api/*'s.
 */
import { checkinsApi } from './checkins-api.js';
import { connectApi } from './connect-api.js';
import { createRequest, type ApiClientOptions } from './request.js';
import { rolesApi } from './roles-api.js';
import { rotaApi } from './rota-api.js';
import { sessionApi, teamsApi } from './session-api.js';
import { supportApi } from './support-api.js';

export { ApiRequestError, SignInError, type ApiClientOptions } from './request.js';

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const request = createRequest(options);
  return {
    session: sessionApi(request),
    teams: teamsApi(request),
    connect: connectApi(request),
    checkins: checkinsApi(request),
    rota: rotaApi(request),
    support: supportApi(request),
    roles: rolesApi(request),
  };
}
