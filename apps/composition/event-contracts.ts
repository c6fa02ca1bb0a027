// Where a capability reads another's events without importing it (to keep the imports one way),
// it names the shape it relies on; here, where every capability may be imported, the compiler
// checks that each producer's event type still fits what its readers rely on.
import type { CareLeaverRecordMade } from '../../src/housing/index.js';
import type { ContactAmended, ContactLogged } from '../../src/outreach/index.js';
import type { CaseloadReadsFromElsewhere } from '../../src/young-people/index.js';

type Fits<Produced, Read> = [Produced] extends [Read] ? true : never;
type ReadAs<T extends string> = Extract<CaseloadReadsFromElsewhere, { type: T }>;

export const eventContractsHold: [
  Fits<ContactLogged, ReadAs<'ContactLogged'>>,
  Fits<ContactAmended, ReadAs<'ContactAmended'>>,
  Fits<CareLeaverRecordMade, ReadAs<'CareLeaverRecordMade'>>,
] = [true, true, true];
