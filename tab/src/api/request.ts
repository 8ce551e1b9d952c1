/**
 * The one way the tab calls /api/*: the bearer token from the host, JSON in and out, and every
 * failure as a typed error. Each feature's client (session-api.ts, connect-api.ts, rota-api.ts …)
 * is a few lines over this.
 */
import type { ApiError } from '../../../core/api/me.js';

/**
 * A failed call to /api/*. `status` 0 means the request never got an answer. `problems`: for
 * invalid input, the server's code per problem (each has a `connect.problem.<code>` string).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The host (Teams) would not give us a token, so no request was made. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}

export interface ApiClientOptions {
  /** Supplies the bearer token for authenticated calls. */
  getToken: () => Promise<string>;
  /** Called on any 401 from an authenticated call, before the error is thrown. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export interface RequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Whether to send the bearer token (every call but the public ones). */
  auth: boolean;
  /** The answer as text (a CSV download), not JSON. */
  text?: boolean;
}

/** Calls one API path and answers with its (typed) body, or throws an ApiRequestError. */
export type Request = <T>(path: string, init: RequestInit) => Promise<T>;

export function createRequest(options: ApiClientOptions): Request {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? '';

  return async function request<T>(path: string, init: RequestInit): Promise<T> {
    const headers: Record<string, string> = { Accept: init.text ? 'text/csv' : 'application/json' };
    if (init.auth) {
      let token: string;
      try {
        token = await options.getToken();
      } catch (cause) {
        throw new SignInError('could not get a token from the host', { cause });
      }
      headers.Authorization = `Bearer ${token}`;
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch {
      throw new ApiRequestError(0, 'network', `could not reach ${path}`);
    }

    if (!response.ok) {
      const body = await readJson(response);
      const error = isApiError(body) ? body.error : undefined;
      if (response.status === 401 && init.auth) options.onUnauthorized?.();
      throw new ApiRequestError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? response.statusText,
        Array.isArray(error?.problems)
          ? error.problems.filter((p): p is string => typeof p === 'string')
          : [],
      );
    }
    // Not response.text(): it drops the byte order mark that makes Excel read the CSV as UTF-8.
    if (init.text) {
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await response.arrayBuffer(),
      ) as T;
    }
    return (await readJson(response)) as T;
  };
}

/** A path segment, escaped. */
export const enc = encodeURIComponent;

/** `?a=1&b=2` from the parameters that are set; '' when none are. */
export function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
