import type { EventStore, ReadByTagOptions, StoredEvent } from '#event-store';

/** Every event about a young person names them in `youngPersonId`: the log is read by that tag. */
export const YOUNG_PERSON_TAG = 'youngPersonId';

/** The identity register's streams say who a young person is across referrals; not the case. */
const IDENTITY_STREAMS = 'identity-';

/** Every event about one young person, from every capability's streams, in position order. */
export function readEventsAbout(
  store: Pick<EventStore, 'readByTag'>,
  youngPersonId: string,
  options: Omit<ReadByTagOptions, 'exceptStreamsStartingWith'> = {},
): Promise<StoredEvent[]> {
  return store.readByTag(YOUNG_PERSON_TAG, youngPersonId, {
    ...options,
    exceptStreamsStartingWith: IDENTITY_STREAMS,
  });
}
