/**
 * Whether `value` is one of `known`: narrows a string from outside (a server's code, a card's
 * field) to a list the string catalogue has words for, so `t(locale, `x.${value}`)` is checked
 * by the compiler instead of cast.
 */
export function isOneOf<T extends string | number>(
  known: readonly T[],
  value: unknown,
): value is T {
  return (known as readonly unknown[]).includes(value);
}
