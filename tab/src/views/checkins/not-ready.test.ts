import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.js';
import { isNotReady } from './not-ready.js';

describe('isNotReady', () => {
  it('is the refusal of a check-in while the school cannot take talk requests', () => {
    const refused = new ApiRequestError(409, 'conflict', 'No', ['safeguardingNotReady']);
    expect(isNotReady(refused)).toBe(true);
  });

  it('is not any other refusal or failure', () => {
    expect(isNotReady(new ApiRequestError(409, 'conflict', 'No'))).toBe(false);
    expect(isNotReady(new ApiRequestError(400, 'invalidInput', 'No', ['channelUnknown']))).toBe(
      false,
    );
    expect(isNotReady(new ApiRequestError(0, 'network', 'No'))).toBe(false);
    expect(isNotReady(new Error('x'))).toBe(false);
  });
});
