import { useEffect, useMemo, useState } from 'react';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { ApiRequestError, type ApiClient } from '../../api/client.js';
import { classPageView, type ClassPageView } from './class-page.js';

export type ClassPageState =
  | Exclude<ClassPageView, { kind: 'lookup' }>
  | { kind: 'loading' }
  /** Someone else's class; its name is not ours to tell. */
  | { kind: 'notYours'; team?: undefined }
  /** Belong has no record of the team (the bot's install was never recorded, or it was removed). */
  | { kind: 'unknown' }
  | { kind: 'error'; error: unknown };

/**
 * The class page's view; for a class that is not among the caller's, the server says whether it
 * is someone else's (403) or unknown (404).
 */
export function useClassPage(
  client: ApiClient,
  me: MeResponse,
  teams: readonly ClassTeamView[],
  teamId: string | undefined,
): { state: ClassPageState; retry(): void } {
  const view = useMemo(() => classPageView(me, teams, teamId), [me, teams, teamId]);
  const [lookup, setLookup] = useState<ClassPageState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lookupId = view.kind === 'lookup' ? view.teamId : undefined;

  useEffect(() => {
    if (lookupId === undefined) return;
    let cancelled = false;
    setLookup({ kind: 'loading' });
    client.teams.get(lookupId).then(
      // Visible after all (installed since the page loaded), but not one of the person's classes.
      (team) => !cancelled && setLookup({ kind: 'notYours', team }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.status === 403)
          return setLookup({ kind: 'notYours' });
        if (error instanceof ApiRequestError && error.status === 404)
          return setLookup({ kind: 'unknown' });
        setLookup({ kind: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, lookupId, attempt]);

  return {
    state: view.kind === 'lookup' ? lookup : view,
    retry: () => setAttempt((n) => n + 1),
  };
}
