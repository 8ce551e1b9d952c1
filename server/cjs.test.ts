import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { requireCommonJs } from './cjs.js';

type Identity = typeof import('@azure/identity');
type Tables = typeof import('@azure/data-tables');

/** `require` as botbuilder's connector (CommonJS) resolves it. */
const connectorRequire = createRequire(
  createRequire(import.meta.url).resolve('botframework-connector'),
);

describe('requireCommonJs (decision 017)', () => {
  it('gives the copy of @azure/identity that botbuilder loads, not a second one', async () => {
    const ours = requireCommonJs<Identity>('@azure/identity');
    const botbuilders = connectorRequire('@azure/identity') as Identity;
    expect(ours.ManagedIdentityCredential).toBe(botbuilders.ManagedIdentityCredential);
    // An ES import is the other copy: the reason for requireCommonJs.
    const esm = await import('@azure/identity');
    expect(esm.ManagedIdentityCredential).not.toBe(ours.ManagedIdentityCredential);
  });

  it('gives @azure/data-tables on the same Azure core as botbuilder', () => {
    const tables = requireCommonJs<Tables>('@azure/data-tables');
    const pipeline = connectorRequire('@azure/core-rest-pipeline') as {
      RestError: Tables['RestError'];
    };
    // data-tables throws core-rest-pipeline's RestError: one class, so `instanceof` holds everywhere.
    expect(tables.RestError).toBe(pipeline.RestError);
    expect(typeof tables.TableClient).toBe('function');
  });
});
