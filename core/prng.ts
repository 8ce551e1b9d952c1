/**
 * Seeded pseudo-random numbers (mulberry32), for whatever must come out the same on every run:
 * the demo school's history, benchmark schools, the fake Teams connector's faults, the trends
 * attacker's random views. Nothing here reads Math.random. Eight lines, so not a dependency.
 */

/** Uniform numbers in [0, 1), fixed by a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 32-bit FNV-1a of a string. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Uniform numbers in [0, 1), fixed by a key such as "answer|7B|12|2026-11-24": the same numbers
 * whatever order the keys are used in.
 */
export function seededRandom(key: string): () => number {
  return mulberry32(hash(key));
}
