import { useCallback, useState } from 'react';
import type { DevTokenResponse, Persona } from '../../../../core/api.js';
import type { SessionApi } from '../../api/session-api.js';
import { useLoad } from '../../hooks/useLoad.js';

export type PickerState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; personas: Persona[] }
  | { kind: 'signing-in'; personas: Persona[]; persona: Persona };

export function usePersonaPicker(
  session: SessionApi,
  onSignedIn: (token: DevTokenResponse) => void,
): { state: PickerState; retry(): void; choose(persona: Persona): void } {
  const personas = useLoad(useCallback(() => session.personas(), [session]));
  /** While signing in, or after signing in failed; cleared by "Try again". */
  const [choice, setChoice] = useState<
    { kind: 'signing-in'; persona: Persona } | { kind: 'error'; error: unknown } | undefined
  >();

  const state: PickerState =
    choice?.kind === 'error'
      ? choice
      : choice && personas.state.kind === 'ready'
        ? { kind: 'signing-in', personas: personas.state.personas, persona: choice.persona }
        : personas.state;

  const choose = useCallback(
    (persona: Persona) => {
      if (state.kind !== 'ready') return;
      setChoice({ kind: 'signing-in', persona });
      session
        .devToken({ personaId: persona.id })
        .then(onSignedIn, (error: unknown) => setChoice({ kind: 'error', error }));
    },
    [session, onSignedIn, state],
  );

  const { retry: retryPersonas } = personas;
  const retry = useCallback(() => {
    setChoice(undefined);
    retryPersonas();
  }, [retryPersonas]);
  return { state, retry, choose };
}
