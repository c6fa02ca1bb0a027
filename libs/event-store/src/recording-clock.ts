/**
 * The clock commands are decided at and events recorded at. It is the system clock, except in
 * the process of a generator writing years of synthetic history (`nwd seed --hubs`), which moves
 * it by hand so that each event is recorded at its simulated moment, as it would have been. The
 * API and projector never set it.
 */
let simulated: Date | null = null;

export const recordingClock = {
  now(): Date {
    return simulated ? new Date(simulated.getTime()) : new Date();
  },
  /** The instant to record appends at, or null for the database's own clock. */
  simulatedNow(): string | null {
    return simulated ? simulated.toISOString() : null;
  },
  simulate(at: Date | null): void {
    simulated = at;
  },
};
