import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '#event-store';
import { chronologyOf, when } from './chronology.js';

describe('the chronology’s words', () => {
  it('says dates and instants as people write them, in UK time, never ISO', () => {
    expect(when('2020-03-06')).toBe('6 March 2020');
    // 09:00 UTC in March is 09:00 in London; in July it is 10:00 (British Summer Time).
    expect(when('2020-03-06T09:00:00.000Z')).toBe('6 March 2020 at 09:00');
    expect(when('2020-07-06T09:00:00.000Z')).toBe('6 July 2020 at 10:00');
    expect(when(null)).toBe('');
  });

  it('tells what the SSDA903 return reads: legal status changes and placements outside the hub', () => {
    let position = 0;
    const at = (type: string, data: Record<string, unknown>): StoredEvent =>
      ({
        eventId: `e${++position}`,
        position,
        streamId: 's',
        revision: position,
        type,
        data,
        metadata: { actor: { id: 'm1', name: 'Mo Manager' }, occurredAt: '2025-07-01T10:00:00Z' },
        recordedAt: '2025-07-01T10:00:00.000Z',
      }) as unknown as StoredEvent;
    const entries = chronologyOf(
      [
        at('PlacementOutsideHubRecorded', {
          description: 'Council foster carers, Alton',
          from: '2025-04-10',
          episode: { ls: 'V2' },
        }),
        at('PlacementOutsideHubEnded', { on: '2025-06-01', rec: 'X1' }),
        at('LegalStatusChanged', { on: '2025-06-10', ls: 'C1', previous: 'V2' }),
        at('FamilyLegalStatusChanged', { on: '2025-06-20', ls: 'C2', previous: 'C1' }),
      ],
      48,
    );
    expect(entries.map((e) => [e.module, e.text])).toEqual([
      [
        'hub_placements',
        'Placement outside the hub recorded: Council foster carers, Alton from 10 April 2025, legal status V2',
      ],
      ['hub_placements', 'Placement outside the hub ended (X1)'],
      ['hub_placements', 'Legal status changed from V2 to C1 during the hub stay'],
      ['hub_placements', 'Legal status changed from C1 to C2 while living with a community family'],
    ]);
  });
});
