/** The vocabulary of the seed generator: users, steps at simulated moments, its PRNG. */

export interface SeedUser {
  id: string;
  name: string;
  roles: string[];
  hubs: string[];
}

/** One request at a simulated moment; `after` reads the response (ids the next steps need). */
export interface Step {
  at: Date;
  user: SeedUser;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  key: string;
  after?: (response: Record<string, unknown>) => void;
}

export interface SeedOptions {
  hubs: number;
  years: number;
  seed: number;
  start: Date;
  /**
   * A council's ONS code: its hubs are registered with it, its young people get the return's
   * details and real postcodes of its area, and some come from council foster carers.
   */
  la?: string;
}

/** mulberry32: a tiny, well-known 32-bit PRNG; enough for reproducible synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Person {
  n: number;
  id: string | null;
  born: Date;
  worker: SeedUser;
  since: number;
  leaveAfterWeek: number;
  admittedUntil: number | null;
  planned: boolean;
  episode: string | null;
  /** Times admitted to a hub bed so far. */
  admissions?: number;
  /**
   * With a council: their time in care as the return reads it (UK days), before the hub and in
   * its beds, so the seed knows who is a care leaver owed an OC3 record at a birthday.
   */
  care?: { start: string; end: string | null; rec: string | null }[];
  /** The week a care order is made during their hub stay (a change of legal status). */
  lsChangeWeek?: number;
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A step whose path (and admission body) is read when it runs, after earlier steps set ids. */
export function lazy(s: Omit<Step, 'path'>, path: () => string, admit = false, p?: Person): Step {
  const step = { ...s } as Step;
  Object.defineProperty(step, 'path', { get: path, enumerable: true });
  if (admit && p) {
    Object.defineProperty(step, 'body', {
      get: () => ({ ...(s.body as object), youngPersonId: p.id }),
      enumerable: true,
    });
  }
  return step;
}
