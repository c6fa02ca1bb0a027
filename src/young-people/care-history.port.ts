/**
 * What a young person's care history makes of them on a day: a care leaver (a relevant or former
 * relevant child) who is not looked after that day, so owed an OC3 record at a birthday. The care
 * is read from the placements the case holds (hub beds, community families, placements outside
 * the hub); the statutory returns derive it and provide this port (bound in their module), so
 * housing, which keeps the OC3 records, does not import them.
 */
export interface CareHistory {
  careLeaverOn(youngPersonId: string, day: string): Promise<boolean>;
}

export const CARE_HISTORY = Symbol('CARE_HISTORY');
