import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { openHub } from './open-hub.decide.js';

const spec = deciderSpec(openHub);
const command = {
  hubId: 'h1',
  name: ' North Hub ',
  council: 'Example Council',
  plannedBeds: 4,
  emergencyBeds: 2,
  now: '2026-01-05T09:00:00.000Z',
};

describe('open a hub', () => {
  it('opens a new hub with its beds', () => {
    spec
      .given([])
      .when(command)
      .then([
        {
          type: 'HubOpened',
          data: {
            hubId: 'h1',
            name: 'North Hub',
            council: 'Example Council',
            plannedBeds: 4,
            emergencyBeds: 2,
            openedAt: '2026-01-05T09:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to open the same hub twice', () => {
    spec
      .given([
        {
          type: 'HubOpened',
          data: { ...command, openedAt: command.now },
        },
      ])
      .when(command)
      .thenFails('HUB.ALREADY_OPEN');
  });
});
