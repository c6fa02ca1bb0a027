import type { Upcaster } from '#event-store';

/**
 * Version 1 of CareLeaverRecordMade to version 2: `EY` (suitable) reads `E1`, `EN` reads `E2`;
 * no fixed abode and custody are never suitable (`S2`, `X2`); a care leaver not in touch had no
 * activity or accommodation (null) and now has `0`. The stored event is never rewritten.
 */
export const careLeaverRecordV1toV2: Upcaster = {
  type: 'CareLeaverRecordMade',
  fromVersion: 1,
  up(data) {
    const accom = data.accom as string | null;
    const activ = data.activ as string | null;
    return {
      ...data,
      activ: activ ?? '0',
      accom:
        accom === null
          ? '0'
          : /^[SX]/.test(accom)
            ? `${accom[0]}2`
            : `${accom[0]}${accom[1] === 'Y' ? '1' : '2'}`,
    };
  },
};

export const housingUpcasters: readonly Upcaster[] = [careLeaverRecordV1toV2];
