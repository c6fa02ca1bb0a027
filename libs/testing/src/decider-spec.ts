import { expect } from '@jest/globals';
import { fold, type Decider, type DomainEvent } from '#kernel';
import { DomainError } from '#kernel';

/**
 * Given events / when a command / then events (or a domain error with its code): deciders are
 * tested as pure functions, no mocks.
 */
export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(history: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold<E, S>(decider, history));
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenFails(code: string, field?: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              if (field !== undefined) expect((thrown as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
