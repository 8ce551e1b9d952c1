/**
 * For tests of rate limits, independent of the limiter: the most of `times` in any half-open
 * window [s, s + ms). The busiest window can always be slid right until it starts at a time.
 */
export function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let count = 0;
    for (let j = i; j < sorted.length && sorted[j]! < sorted[i]! + ms; j++) count++;
    most = Math.max(most, count);
  }
  return most;
}
