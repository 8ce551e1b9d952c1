/**
 * Belong's one way to Microsoft Graph (decision 029): a bearer token from the app's credential,
 * `@odata.nextLink` paging, and Graph's throttling manners — 429 and 503 wait for `Retry-After`,
 * other 5xx back off exponentially with jitter, a few tries in all — then a typed error
 * (graph-errors.ts). A 403 becomes `GraphConsentMissing`, with a message an administrator can act
 * on. Plain `fetch` (Node's own): the directory and the name look-ups need GET and paging only.
 */
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../../core/ports/logger.js';
import {
  GraphConsentMissing,
  GraphNotFound,
  GraphRequestFailed,
  GraphUnavailable,
  type ConsentScope,
} from './graph-errors.js';

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash). */
  baseUrl: string;
  /** The Entra app that holds Belong's consent (graph-credential.ts). */
  credential: TokenCredential;
  log: Logger;
  scope?: string;
  fetch?: typeof fetch;
  /** Waits between tries; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random?: () => number;
  /** Tries in all, the first included (default 4). */
  maxAttempts?: number;
  /** First back-off before jitter (default 500 ms); it doubles each try up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer `Retry-After` than this is not waited for: the caller gets GraphUnavailable. */
  maxRetryAfterMs?: number;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

export interface GraphRequest {
  /** Under the base URL, ids already encoded: `/teams/${encodeURIComponent(id)}/members`. */
  path: string;
  /** What is being read, for errors and logs ("team members"): a kind, never an id. */
  what: string;
  /** Whose consent a 403 says is missing. */
  consent: ConsentScope;
  headers?: Record<string, string>;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** A reader that does not follow paging forever if Graph keeps answering with a next link. */
const maxPages = 100;

export class GraphClient {
  readonly #o: Required<Omit<GraphClientOptions, 'fetch'>> & { fetch: typeof fetch };
  readonly #origin: string;

  constructor(options: GraphClientOptions) {
    this.#o = {
      baseUrl: options.baseUrl.replace(/\/$/, ''),
      credential: options.credential,
      log: options.log,
      scope: options.scope ?? 'https://graph.microsoft.com/.default',
      fetch: options.fetch ?? ((...args) => fetch(...args)),
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      maxAttempts: options.maxAttempts ?? 4,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 8_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
    this.#origin = new URL(this.#o.baseUrl).origin;
  }

  /** One resource. */
  async get<T>(tenantId: string, request: GraphRequest): Promise<T> {
    return this.#send<T>(tenantId, `${this.#o.baseUrl}${request.path}`, request);
  }

  /** Every item of a collection, following `@odata.nextLink` page by page. */
  async list<T>(tenantId: string, request: GraphRequest): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = `${this.#o.baseUrl}${request.path}`;
    for (let page = 0; url; page++) {
      if (page === maxPages) throw new GraphUnavailable(`${request.what} (too many pages)`, 200, 1);
      const body: Page<T> = await this.#send<Page<T>>(tenantId, url, request);
      items.push(...(body.value ?? []));
      url = body['@odata.nextLink'];
      // The token goes only to Graph: a next link elsewhere is refused, not followed.
      if (url && new URL(url).origin !== this.#origin)
        throw new GraphRequestFailed(`${request.what} (next link off Graph)`, 200);
    }
    return items;
  }

  async #send<T>(tenantId: string, url: string, request: GraphRequest): Promise<T> {
    const o = this.#o;
    for (let attempt = 1; ; attempt++) {
      const token = await o.credential.getToken(o.scope, { tenantId });
      if (!token) throw new GraphRequestFailed(`${request.what} (no token)`, 401);
      let res: Response | undefined;
      try {
        res = await o.fetch(url, {
          headers: {
            ...request.headers,
            authorization: `Bearer ${token.token}`,
            accept: 'application/json',
          },
          signal: AbortSignal.timeout(o.timeoutMs),
        });
      } catch {
        res = undefined; // no answer (reset, timeout): a GET is safe to ask again
      }
      if (res?.ok) return (await res.json()) as T;
      await res?.body?.cancel();
      const status = res?.status;
      if (status === 403) {
        o.log.warn('graph.consentMissing', {
          error: 'GraphConsentMissing',
          scope: request.consent.permission,
          // A team's group id helps the admin find it; user ids (in filters) never reach the log.
          ...(request.consent.kind === 'team'
            ? { url: `/teams/${request.consent.groupId}` }
            : { url: 'tenant' }),
        });
        throw new GraphConsentMissing(request.consent);
      }
      if (status === 404) throw new GraphNotFound(request.what);
      if (status !== undefined && status !== 408 && status !== 429 && status < 500)
        throw new GraphRequestFailed(request.what, status);
      const wait = this.#delay(status, res?.headers.get('retry-after') ?? null, attempt);
      if (attempt >= o.maxAttempts || wait === undefined) {
        o.log.warn('graph.unavailable', {
          ...(status !== undefined ? { status } : {}),
          count: attempt,
          scope: request.what,
        });
        throw new GraphUnavailable(request.what, status, attempt);
      }
      o.log.info('graph.retry', {
        ...(status !== undefined ? { status } : {}),
        count: attempt,
        ms: wait,
        scope: request.what,
      });
      await o.sleep(wait);
    }
  }

  /** How long to wait before the next try, or undefined when Graph asks for longer than we wait. */
  #delay(status: number | undefined, retryAfter: string | null, attempt: number) {
    const o = this.#o;
    if ((status === 429 || status === 503) && retryAfter !== null && /^\d+$/.test(retryAfter)) {
      const ms = Number(retryAfter) * 1000;
      return ms <= o.maxRetryAfterMs ? ms : undefined;
    }
    // Exponential, capped, with jitter so instances that failed together don't retry together.
    const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + o.random() * (ceiling / 2));
  }
}
