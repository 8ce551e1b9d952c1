import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DevTokenResponse } from '../../../core/api.js';
import { createApiClient, type ApiClient } from '../api/client.js';
import { clearDevToken, readDevToken, storeDevToken } from '../auth/dev-token.js';
import { getTeamsToken } from '../auth/teams-sso.js';
import { connectToTeams, type HostContext } from '../teams/host.js';
import { browserStorage } from './browser.js';

export type SessionState =
  | { kind: 'starting' }
  | { kind: 'error'; error: unknown }
  | { kind: 'open-in-teams' }
  | { kind: 'picker'; expired: boolean }
  | { kind: 'signed-in'; via: 'teams' | 'local'; id: number };

export interface Session {
  /** undefined while finding out; null outside Teams. */
  host: HostContext | null | undefined;
  state: SessionState;
  client: ApiClient;
  retry(): void;
  signedIn(token: DevTokenResponse): void;
  switchPerson(): void;
}

/** teams-js host names of Microsoft 365 apps that are not Teams (HostName in teams-js). */
const notTeams = new Set(['Office', 'Outlook', 'OutlookWin32']);

// One attempt per page: teams-js keeps its own single initialisation, and a retry must not wait
// another 1.5 s to learn again that we are outside Teams.
let hostOnce: Promise<HostContext | null> | undefined;

export function useSession(): Session {
  const [host, setHost] = useState<HostContext | null | undefined>(undefined);
  const [state, setState] = useState<SessionState>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const token = useRef<string | undefined>(undefined);
  const inTeams = useRef(false);
  const signIns = useRef(0);

  const client = useMemo(
    () =>
      createApiClient({
        getToken: async () => {
          if (inTeams.current) return getTeamsToken();
          if (token.current === undefined) throw new Error('no local token');
          return token.current;
        },
        onUnauthorized: () => {
          if (inTeams.current) return;
          clearDevToken(browserStorage('session'));
          token.current = undefined;
          setState({ kind: 'picker', expired: true });
        },
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const context = await (hostOnce ??= connectToTeams());
      if (cancelled) return;
      setHost(context);
      inTeams.current = context !== null;
      // Outlook and the Microsoft 365 app can show personal tabs too, but Belong's sign-in is
      // for Teams only (decision record 024): say where Belong works instead of failing to sign in.
      if (context && notTeams.has(context.hostName ?? 'Teams')) {
        return setState({ kind: 'open-in-teams' });
      }
      if (context) {
        setState({ kind: 'signed-in', via: 'teams', id: ++signIns.current });
        return;
      }
      try {
        const config = await client.session.config();
        if (cancelled) return;
        if (config.mode !== 'local') return setState({ kind: 'open-in-teams' });
        token.current = readDevToken(browserStorage('session'), new Date());
        setState(
          token.current
            ? { kind: 'signed-in', via: 'local', id: ++signIns.current }
            : { kind: 'picker', expired: false },
        );
      } catch (error) {
        if (!cancelled) setState({ kind: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, client]);

  const retry = useCallback(() => {
    setState({ kind: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  const signedIn = useCallback((response: DevTokenResponse) => {
    storeDevToken(browserStorage('session'), response);
    token.current = response.token;
    setState({ kind: 'signed-in', via: 'local', id: ++signIns.current });
  }, []);

  const switchPerson = useCallback(() => {
    clearDevToken(browserStorage('session'));
    token.current = undefined;
    setState({ kind: 'picker', expired: false });
  }, []);

  return { host, state, client, retry, signedIn, switchPerson };
}
