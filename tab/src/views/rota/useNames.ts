import { useCallback, useMemo } from 'react';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import { nameBook, type NameBook } from './names.js';

/**
 * The names the tab can know (see names.ts): the people on the rota as the server's directory
 * names them, the signed-in person, and in local mode the demo school's personas. Names are a
 * nicety: if they cannot be had, people are described instead.
 */
export function useNames(client: ApiClient, me: { id: string; displayName: string }): NameBook {
  const { rota, session } = client;
  const { state } = useLoad(
    useCallback(async () => {
      const fromDirectory = rota.names().then(
        ({ names }) => Object.entries(names).map(([id, displayName]) => ({ id, displayName })),
        () => [],
      );
      const demo = session
        .config()
        .then((config) => (config.mode === 'local' ? session.personas() : { personas: [] }))
        .then(
          ({ personas }) => personas,
          () => [],
        );
      const [personas, named] = await Promise.all([demo, fromDirectory]);
      return { people: [...personas, ...named] };
    }, [rota, session]),
  );
  const people = state.kind === 'ready' ? state.people : undefined;
  return useMemo(() => nameBook([...(people ?? []), me]), [people, me]);
}
