import { useCallback, useEffect, useState } from 'react';
import type { DevTokenResponse, Persona } from '../../../../core/api.js';
import type { ApiClient } from '../../api/client.js';

export type PickerState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; personas: Persona[] }
  | { kind: 'signing-in'; personas: Persona[]; persona: Persona };

export function usePersonaPicker(
  client: ApiClient,
  onSignedIn: (token: DevTokenResponse) => void,
): { state: PickerState; retry(): void; choose(persona: Persona): void } {
  const [state, setState] = useState<PickerState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    client.session.personas().then(
      ({ personas }) => !cancelled && setState({ kind: 'ready', personas }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const choose = useCallback(
    (persona: Persona) => {
      if (state.kind !== 'ready') return;
      setState({ kind: 'signing-in', personas: state.personas, persona });
      client.session
        .devToken({ personaId: persona.id })
        .then(onSignedIn, (error: unknown) => setState({ kind: 'error', error }));
    },
    [client, onSignedIn, state],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry, choose };
}
