import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import { nameBook, type NameBook } from './names.js';

/**
 * The names the tab can know (see names.ts): the people on the rota as the server's directory
 * names them, the signed-in person, and in local mode the demo school's personas. Names are a
 * nicety: if they cannot be had, people are described instead.
 */
export function useNames(client: ApiClient, me: { id: string; displayName: string }): NameBook {
  const [people, setPeople] = useState<{ id: string; displayName: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    const fromDirectory = client.rota.names().then(
      ({ names }) => Object.entries(names).map(([id, displayName]) => ({ id, displayName })),
      () => [],
    );
    const demo = client.session
      .config()
      .then((config) => (config.mode === 'local' ? client.session.personas() : { personas: [] }))
      .then(
        ({ personas }) => personas,
        () => [],
      );
    void Promise.all([demo, fromDirectory]).then(
      ([personas, named]) => !cancelled && setPeople([...personas, ...named]),
    );
    return () => {
      cancelled = true;
    };
  }, [client]);
  return useMemo(() => nameBook([...people, me]), [people, me]);
}
