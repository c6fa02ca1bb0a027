/**
 * The clock commands are decided at and events recorded at. It is the system clock, unless a
 * generator of synthetic history moves it by hand so that each event is recorded at its
 * simulated moment, as it would have been. One per process, handed to the store and the request
 * plumbing that need it (never a global).
 */
export class RecordingClock {
  private simulated: Date | null = null;

  now(): Date {
    return this.simulated ? new Date(this.simulated.getTime()) : new Date();
  }

  /** The instant to record appends at, or null for the database's own clock. */
  simulatedNow(): string | null {
    return this.simulated ? this.simulated.toISOString() : null;
  }

  simulate(at: Date | null): void {
    this.simulated = at;
  }
}
