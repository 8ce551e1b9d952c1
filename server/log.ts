import type { Logger, LogFields } from '../core/ports/logger.js';

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
