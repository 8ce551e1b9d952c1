/** Who a verified token says the caller is. Roles are never read from the token. */
export interface Principal {
  tenantId: string;
  /** Entra object id (`oid`). */
  userId: string;
  displayName: string;
}

export interface TokenVerifier {
  /** Resolves the principal, or throws BelongError('unauthenticated') with a reason. */
  verify(token: string): Promise<Principal>;
}
