import { describe, expect, it } from 'vitest';
import { createLogger, routeConsoleToLogger } from './log.js';

describe('routeConsoleToLogger', () => {
  it('turns a dependency’s console output into JSON events with only the error class', () => {
    const lines: { line: string; isError: boolean }[] = [];
    const log = createLogger('debug', (line, isError) => lines.push({ line, isError }));
    const fake = { ...console };
    const undo = routeConsoleToLogger(log, fake);
    const err = new TypeError('Error finding key for token. Available keys: -----BEGIN RSA');
    fake.error(err);
    fake.error('Available keys: -----BEGIN RSA PUBLIC KEY-----');
    fake.warn('BadRequest: Missing activity or activity type.');
    fake.log('hello', { pupil: 'Amir Hassan' });
    const events = lines.map((l) => ({ ...JSON.parse(l.line), isError: l.isError }));
    expect(
      events.map(({ level, event, error, isError }) => ({ level, event, error, isError })),
    ).toEqual([
      { level: 'error', event: 'console.error', error: 'TypeError', isError: true },
      { level: 'error', event: 'console.error', error: undefined, isError: true },
      { level: 'warn', event: 'console.warn', error: undefined, isError: true },
      { level: 'info', event: 'console.log', error: undefined, isError: false },
    ]);
    const all = lines.map((l) => l.line).join('\n');
    expect(all).not.toMatch(/Available keys|BEGIN RSA|Amir|BadRequest/);
    undo();
    expect(fake.error).toBe(console.error);
  });
});
