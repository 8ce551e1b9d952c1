/**
 * A small seeded pseudo-random generator for the demo school (mulberry32 over a 32-bit FNV-1a
 * hash of a key). The demo needs the same "random" school on every run and in every test, so
 * nothing here reads Math.random; a key such as "answer|7B|12|2026-11-24" always gives the same
 * numbers, whatever order the seed works in. Eight lines, so not a runtime dependency
 * (decision 025).
 */

/** 32-bit FNV-1a of a string. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of numbers in [0, 1), fixed by `key`. */
export function seededRandom(key: string): () => number {
  let a = hash(key);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
