import { useCallback, useState } from 'react';
import type { PeopleResponse } from '../../../../core/api/roles.js';
import type { SchoolRole } from '../../../../core/roles.js';
import type { ApiClient } from '../../api/client.js';

export type Person = PeopleResponse['people'][number];

export type SearchState =
  | { kind: 'idle' }
  /** The query is not 2 to 60 letters of a name: nothing was asked. */
  | { kind: 'invalid' }
  | { kind: 'searching' }
  | { kind: 'found'; people: Person[] }
  | { kind: 'failed'; error: unknown };

/** The same rule as the server's, so a person is told at once. */
const nameQuery = /^[\p{L}\p{M}\p{N} .'’-]{2,60}$/u;

/** Finding a person in the directory, picking them, and choosing their roles. */
export function usePeopleSearch(client: ApiClient) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchState>({ kind: 'idle' });
  const [picked, setPicked] = useState<Person | undefined>();
  const [roles, setRoles] = useState<SchoolRole[]>([]);

  const run = useCallback(async () => {
    const q = query.trim();
    setPicked(undefined);
    if (!nameQuery.test(q)) {
      setSearch({ kind: 'invalid' });
      return;
    }
    setSearch({ kind: 'searching' });
    try {
      const { people } = await client.roles.findPeople(q);
      setSearch({ kind: 'found', people });
      // One match is the person: pick them, so their roles are there to change at once.
      if (people.length === 1) {
        setPicked(people[0]);
        setRoles(people[0]!.roles);
      }
    } catch (error) {
      setSearch({ kind: 'failed', error });
    }
  }, [client, query]);

  const pick = useCallback(
    (userId: string) => {
      if (search.kind !== 'found') return;
      const person = search.people.find((p) => p.userId === userId);
      setPicked(person);
      setRoles(person?.roles ?? []);
    },
    [search],
  );

  const toggle = useCallback((role: SchoolRole, on: boolean) => {
    setRoles((current) =>
      on ? [...new Set([...current, role])] : current.filter((r) => r !== role),
    );
  }, []);

  /** After saving: the person's roles as stored now, so the list and the boxes agree. */
  const saved = useCallback((userId: string, now: SchoolRole[]) => {
    setSearch((s) =>
      s.kind === 'found'
        ? { ...s, people: s.people.map((p) => (p.userId === userId ? { ...p, roles: now } : p)) }
        : s,
    );
    setPicked((p) => (p && p.userId === userId ? { ...p, roles: now } : p));
    setRoles(now);
  }, []);

  return { query, setQuery, search, run, picked, pick, roles, toggle, saved };
}
