import type { JsonObject } from './json.js';

/** An event as a decider sees it: a stable type and plain data. */
export interface DomainEvent {
  type: string;
  data: JsonObject;
}

/** The pure heart of a use case: no clock, no ids, no I/O. */
export interface Decider<Command, Event extends DomainEvent, State> {
  /**
   * The events a command leads to. It never changes `state`, and the events it returns carry
   * values of their own: a stream's state is kept and folded further between commands (see
   * `StreamFolds`).
   */
  decide(command: Command, state: State): Event[];
  /**
   * The state after one more event. It may update and return the state it is given (a fold owns
   * the state it builds from `initialState()` and keeps no earlier one); it never touches the event.
   */
  evolve(state: State, event: Event): State;
  /** A fresh state each call (evolve may add to it). */
  initialState(): State;
}

export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  events: readonly DomainEvent[],
): S {
  return events.reduce((state, e) => decider.evolve(state, e as E), decider.initialState());
}
