import { createHmac } from 'node:crypto';
import type { Pseudonymiser } from '../../core/ports/pseudonymiser.js';

/**
 * HMAC-SHA256 of (tenant, Entra object id) under PSEUDONYM_SECRET (decision 013). Ids are
 * lower-cased first: Entra GUIDs arrive in either case. The NUL separator keeps
 * ("ab", "c") and ("a", "bc") apart.
 */
export class HmacPseudonymiser implements Pseudonymiser {
  constructor(private readonly secret: string) {
    if (secret.length < 32)
      throw new RangeError('The pseudonym secret must be at least 32 characters');
  }

  pseudonymOf(tenantId: string, userId: string): string {
    return createHmac('sha256', this.secret)
      .update(`${tenantId.toLowerCase()}\u0000${userId.toLowerCase()}`)
      .digest('base64url');
  }
}
