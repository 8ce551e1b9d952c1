/**
 * Structured logging. Fields are a closed set so pupil names, ids and answers have nowhere to go:
 * log events and codes, never people.
 */
export interface LogFields {
  /** Error class or code; never an error message from outside code (it can echo ids). */
  error?: string;
  status?: number;
  route?: string;
  method?: string;
  activityType?: string;
  verb?: string;
  scope?: string;
  ms?: number;
  count?: number;
  url?: string;
}

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** The error's class and code only: messages from SDKs often contain ids or request URLs. */
export function errorName(e: unknown): string {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    const status = (e as { statusCode?: unknown }).statusCode;
    const name = (e as { name?: unknown }).name;
    return (
      [name, code, status]
        .filter((x) => typeof x === 'string' || typeof x === 'number')
        .join(':') || 'Error'
    );
  }
  return typeof e;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
