/**
 * Names for ambassadors. Belong stores no names (decision 011) and the API has no directory
 * lookup yet, so the tab uses what it has: the signed-in person's own name, and in local mode the
 * demo school's personas. Anyone else is described, never shown as a raw id to a pupil.
 */
export type NameBook = ReadonlyMap<string, string>;

/** The end of an id, so a coordinator can tell unnamed ambassadors apart. */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(-4);
}

export function nameBook(people: readonly { id: string; displayName: string }[]): NameBook {
  return new Map(people.map((p) => [p.id.toLowerCase(), p.displayName]));
}

export function nameOf(book: NameBook, id: string): string | undefined {
  return book.get(id.toLowerCase());
}
