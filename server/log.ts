import { errorName, type Logger, type LogFields } from '../core/ports/logger.js';

const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
type Level = (typeof levels)[number];

/** JSON lines on stdout/stderr, one event per line, with only the allowed fields. */
export function createLogger(
  level: Level,
  write: (line: string, isError: boolean) => void = defaultWrite,
): Logger {
  const min = levels.indexOf(level);
  const emit =
    (l: Exclude<Level, 'silent'>) =>
    (event: string, fields: LogFields = {}) => {
      if (levels.indexOf(l) < min) return;
      write(
        JSON.stringify({ time: new Date().toISOString(), level: l, event, ...fields }),
        l === 'error' || l === 'warn',
      );
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}

const consoleLevels = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
} as const;

/**
 * Sends what dependencies write with console.* through the logger, so every line the process
 * writes is one JSON event (decision 023). botbuilder, for one, `console.error`s a whole stack and
 * a dump of signing keys when a forged token arrives. Only the event and, for an Error, its class
 * are kept: dependencies' messages can hold tokens, ids and URLs. Returns a function that undoes it.
 */
export function routeConsoleToLogger(log: Logger, target: Console = console): () => void {
  const saved = Object.fromEntries(
    Object.keys(consoleLevels).map((m) => [m, target[m as keyof typeof consoleLevels]]),
  );
  for (const [method, level] of Object.entries(consoleLevels)) {
    target[method as keyof typeof consoleLevels] = (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      log[level](`console.${method}`, error ? { error: errorName(error) } : {});
    };
  }
  return () => Object.assign(target, saved);
}
