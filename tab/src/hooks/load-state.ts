/**
 * What a view shows while it reads from the API, and the rule that keeps it honest: only the
 * latest read's answer is shown. An earlier read that answers late (the class changed, the person
 * pressed "Try again") is dropped, so a slow answer never replaces a newer one. Pure, so it is
 * tested without a browser; useLoad.ts is the React wiring.
 */

/** Loading, failed, or the data (spread beside `kind`, so views read `state.checkins`). */
export type LoadState<T extends object> =
  { kind: 'loading' } | { kind: 'error'; error: unknown } | ({ kind: 'ready' } & T);

export const loading = { kind: 'loading' } as const;

export interface LatestLoads<T extends object> {
  /** Starts a read; `showLoading` says "loading" first instead of keeping what is shown. */
  start(load: () => Promise<T>, showLoading: boolean): void;
  /** Drops the answer of any read under way (the view went away, or a newer read starts). */
  cancel(): void;
}

export function latestLoads<T extends object>(
  publish: (state: LoadState<T>) => void,
): LatestLoads<T> {
  let generation = 0;
  return {
    start(load, showLoading) {
      const mine = ++generation;
      if (showLoading) publish(loading);
      let pending: Promise<T>;
      try {
        pending = load();
      } catch (error) {
        publish({ kind: 'error', error });
        return;
      }
      pending.then(
        (data) => mine === generation && publish({ ...data, kind: 'ready' }),
        (error: unknown) => mine === generation && publish({ kind: 'error', error }),
      );
    },
    cancel() {
      generation++;
    },
  };
}
