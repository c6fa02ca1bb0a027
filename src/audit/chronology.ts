import type { StoredEvent } from '#event-store';

export const MODULES = [
  'young_people',
  'hub_placements',
  'outreach',
  'housing',
  'outcomes',
] as const;
export type Module = (typeof MODULES)[number];

export interface ChronologyEntry {
  eventId: string;
  position: number;
  module: Module;
  kind: string;
  /** When it happened (from the record), the sort key. */
  occurredAt: string;
  /** When the system learnt it. */
  recordedAt: string;
  recordedBy: { id: string; name: string };
  lateRecorded: boolean;
  text: string;
  /** Later corrections of this entry, beside it. */
  corrections: { at: string; by: { id: string; name: string }; reason: string; text: string }[];
}

type Data = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const words = (v: unknown) => s(v).replaceAll('_', ' ');
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/**
 * A date or an instant inside a sentence, as people write it: "6 March 2020", or "6 March 2020
 * at 09:00" (UK time). No ISO text reaches an entry.
 */
export function when(v: unknown): string {
  const text = s(v);
  if (!text) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return LONDON_DAY.format(new Date(`${text}T12:00:00Z`));
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return text;
  return `${LONDON_DAY.format(at)} at ${LONDON_TIME.format(at)}`;
}

/** Outcomes' codes in words (the chronology reads no capability's code). */
const CONCERNS: Data = {
  cse: 'sexual exploitation',
  cce: 'criminal exploitation',
  substance_misuse: 'substance misuse',
  crisis: 'crisis (A&E or mental health)',
};
const ETE: Data = {
  school_part_time: 'at school part time',
  not_attending: 'on a school roll, not attending',
  excluded: 'excluded from school',
  school: 'at school',
  employment: 'in work',
  education: 'in education',
  training: 'in training',
  neet: 'not in education, employment or training',
};
const said = (codes: Data, v: unknown) => s(codes[s(v)] ?? words(v));

/** Plain words for each event a case can hold. Third parties' names are never in these. */
const TEXT: Record<string, [Module, (d: Data) => string]> = {
  ReferralReceived: [
    'young_people',
    (d) =>
      `Referred (${words(d.category)}) by ${s((d.socialWorker as Data).name)}, ${s((d.socialWorker as Data).team)}: ${s(d.reason)}`,
  ],
  RepeatReferralReceived: [
    'young_people',
    (d) => `Referred again: ${s(d.reason)}${d.possibleDuplicate ? ' (possible duplicate)' : ''}`,
  ],
  DuplicateConfirmed: [
    'young_people',
    () => 'The later referral was confirmed as this young person',
  ],
  DuplicateRejected: [
    'young_people',
    () => 'The later referral was found to be someone else, who has their own case',
  ],
  ReferralAccepted: ['young_people', () => 'Referral accepted by the hub'],
  ReferralDeclined: ['young_people', (d) => `Referral declined: ${s(d.reason)}`],
  KeyWorkerAllocated: [
    'young_people',
    (d) => `Key worker: ${s(d.workerName)}${d.reason ? ` (${s(d.reason)})` : ''}`,
  ],
  ScreeningNoteRecorded: ['young_people', (d) => `Screening note: ${s(d.note)}`],
  TeamMemberAdded: ['young_people', (d) => `${s(d.name)} joined the team as ${words(d.role)}`],
  TeamMemberEnded: ['young_people', (d) => `A team member left: ${s(d.reason)}`],
  CaseSteppedAway: ['young_people', (d) => `Stepped away from support: ${s(d.reason)}`],
  CaseReopened: ['young_people', (d) => `Case reopened: ${s(d.reason)}`],
  ConsentGranted: [
    'young_people',
    (d) => `Consented to independent visitor ${s(d.visitorName)} seeing the record`,
  ],
  ConsentRevoked: ['young_people', () => 'Consent for an independent visitor withdrawn'],
  GoalSet: [
    'young_people',
    (d) => `Goal set (${words(d.area)}): ${s(d.description)}, by ${when(d.targetDate)}`,
  ],
  GoalStatusChanged: [
    'young_people',
    (d) => `Goal ${words(d.status)}${d.note ? `: ${s(d.note)}` : ''}`,
  ],
  PlanReviewed: [
    'young_people',
    (d) => `${d.kind === 'pathway' ? 'Pathway' : 'Support'} plan reviewed: ${s(d.notes)}`,
  ],
  CaseClosed: ['young_people', () => 'Case closed at 25'],
  ReferralDetailsCorrected: [
    'young_people',
    (d) => `Referral details corrected: ${Object.keys(d.changes as object).join(', ')}`,
  ],
  YoungPersonAdmitted: [
    'hub_placements',
    (d) =>
      `Admitted to ${s(d.bedId).replace('-', ' bed ')}${d.emergency ? ' (emergency)' : ''}, legal status ${s((d.episode as Data).ls)}`,
  ],
  YoungPersonMovedBed: [
    'hub_placements',
    (d) =>
      `Moved from ${s(d.fromBedId).replace('-', ' bed ')} to ${s(d.toBedId).replace('-', ' bed ')}: ${s(d.reason)}`,
  ],
  YoungPersonDischarged: [
    'hub_placements',
    (d) => `Left the hub bed for ${words(d.destination)}: ${s(d.reason)}`,
  ],
  LegalStatusChanged: [
    'hub_placements',
    (d) => `Legal status changed from ${s(d.previous)} to ${s(d.ls)} during the hub stay`,
  ],
  YoungPersonPlacedWithFamily: ['hub_placements', () => 'Placed with a community family'],
  FamilyLegalStatusChanged: [
    'hub_placements',
    (d) =>
      `Legal status changed from ${s(d.previous)} to ${s(d.ls)} while living with a community family`,
  ],
  PlacementOutsideHubRecorded: [
    'hub_placements',
    (d) =>
      `Placement outside the hub recorded: ${s(d.description)} from ${when(d.from)}, legal status ${s((d.episode as Data).ls)}`,
  ],
  PlacementOutsideHubEnded: [
    'hub_placements',
    (d) => `Placement outside the hub ended (${s(d.rec)})`,
  ],
  FamilyPlacementEnded: [
    'hub_placements',
    (d) => `Community family placement ended: ${s(d.reason)}`,
  ],
  ContactLogged: [
    'outreach',
    (d) =>
      `${words(d.kind).replace(/^./, (c) => c.toUpperCase())} contact with ${s(d.workerName)}${d.location ? ` at ${s(d.location)}` : ''}: ${s(d.notes)}`,
  ],
  ContactAmended: [
    'outreach',
    (d) =>
      `Contact corrected: ${Object.entries(d.changes as object)
        .map(([k, v]) => `${CHANGED[k] ?? words(k)} now ${changedValue(k, v)}`)
        .join('; ')}`,
  ],
  MissingEpisodeReported: [
    'outreach',
    (d) =>
      `Reported ${d.category === 'M' ? 'missing' : 'away without authorisation'}${d.policeInformed ? ', police informed' : ''}: ${s(d.circumstances)}`,
  ],
  MissingEpisodeUpdated: ['outreach', (d) => `Missing update: ${s(d.note)}`],
  YoungPersonReturned: [
    'outreach',
    (d) =>
      `Returned: ${s(d.whereFound)}; return interview to be offered by ${when(d.interviewDueBy)}`,
  ],
  ReturnInterviewRecorded: [
    'outreach',
    (d) => `Return home interview ${s(d.outcome)}${d.by ? ` by ${s(d.by)}` : ''}`,
  ],
  IncidentRecorded: ['outreach', (d) => `Incident (${words(d.kind)}): ${s(d.summary)}`],
  Reg40NotificationSent: [
    'outreach',
    (d) =>
      `${d.recipient === 'ofsted' ? 'Ofsted' : 'The placing authority'} notified (${s(d.method)})`,
  ],
  YoungPersonMovedIn: [
    'housing',
    (d) =>
      `Moved to ${words(d.kind)} (${s(d.optionName)}): ${s(d.reason)}${d.planned ? '' : ' (unplanned)'}`,
  ],
  YoungPersonMovedOut: ['housing', (d) => `Moved out of a housing option: ${s(d.reason)}`],
  AccommodationChanged: [
    'housing',
    (d) =>
      `Moved to ${words(d.accommodation)}${d.description ? ` (${s(d.description)})` : ''}: ${s(d.reason)}${d.planned ? '' : ' (unplanned)'}`,
  ],
  AccommodationPlanSet: [
    'housing',
    (d) =>
      `Accommodation plan set: ${(d.targetMoves as { to: string; by: string }[]).map((m) => `${m.to} by ${when(m.by)}`).join('; ')}`,
  ],
  TenancyStarted: ['housing', (d) => `Tenancy started (${words(d.landlordType)})`],
  TenancyConcernRecorded: [
    'housing',
    (d) => `Tenancy concern: ${words(d.concern)}: ${s(d.detail)}`,
  ],
  TenancyConcernResolved: [
    'housing',
    (d) => `Tenancy concern resolved (${words(d.concern)}): ${s(d.note)}`,
  ],
  ReturnDetailsRecorded: [
    'young_people',
    (d) =>
      `Details for the SSDA903 return recorded: child id ${s(d.childId)}, category of need ${s(d.cin)}, home postcode ${s(d.homePostcode)}`,
  ],
  TenancyEnded: ['housing', (d) => `Tenancy ended: ${s(d.reason)}`],
  JusticeEventRecorded: [
    'outcomes',
    (d) =>
      `${words(d.kind).replace(/^./, (c) => c.toUpperCase())}${d.note ? `: ${s(d.note)}` : ''}`,
  ],
  EducationStatusRecorded: [
    'outcomes',
    (d) =>
      `Education, training or work: ${said(ETE, d.status)}${d.attendance !== null && d.attendance !== undefined ? `, attendance ${s(d.attendance)}%` : ''}${d.atReview ? ' (at a review)' : ''}`,
  ],
  RiskMarkerOpened: [
    'outcomes',
    (d) => `Concern opened: ${said(CONCERNS, d.kind)}${d.note ? `: ${s(d.note)}` : ''}`,
  ],
  RiskMarkerClosed: [
    'outcomes',
    (d) => `Concern closed: ${said(CONCERNS, d.kind)}${d.note ? `: ${s(d.note)}` : ''}`,
  ],
  BaselineRecorded: [
    'outcomes',
    (d) =>
      `The year before referral ${d.replaces ? `recorded again (${s(d.reason)})` : 'recorded'}: ${s(d.missingEpisodes)} missing episodes, ${s(d.arrests)} arrests, ${s(d.placements)} placements, ${s(d.residentialNights)} residential nights, ${s(d.exclusions)} exclusions`,
  ],
  FamilyGroupConferenceRecorded: [
    'outcomes',
    (d) => `Family group conference ${words(d.stage)}${d.note ? `: ${s(d.note)}` : ''}`,
  ],
  CareLeaverRecordMade: [
    'housing',
    (d) =>
      `Care leaver record for the ${s(d.age)}th birthday: in touch ${s(d.inTouch)}${d.activ && d.activ !== '0' ? `, activity ${s(d.activ)}` : ''}${d.accom && d.accom !== '0' ? `, accommodation ${s(d.accom)}` : ''}`,
  ],
};

/** A corrected contact's fields, as a sentence names them. */
const CHANGED: Record<string, string> = {
  occurredAt: 'when it happened',
  kind: 'the kind',
  notes: 'the notes',
  location: 'where',
  durationMinutes: 'how long (minutes)',
  present: 'who was there',
  portfolioAreas: 'what it touched',
  followUps: 'the follow-ups',
};
function changedValue(field: string, v: unknown): string {
  if (field === 'occurredAt') return when(v);
  if (field === 'kind') return words(v);
  if (field === 'present')
    return `${(v as unknown[]).length} ${(v as unknown[]).length === 1 ? 'person' : 'people'}`;
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'string' ? words(x) : JSON.stringify(x))).join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const CORRECTIONS: Record<string, (d: Data) => string> = {
  ContactAmended: (d) => `contact ${s(d.contactId)}`,
  ReferralDetailsCorrected: (d) => `event ${s(d.corrects)}`,
};

/**
 * When it happened: the record's own date or instant, else the instant it was recorded about.
 * `wholeDay`: only the date is known (late-recording allows the rest of that day).
 */
function occurredAt(e: StoredEvent): { at: string; wholeDay: boolean } {
  const d = e.data as Data;
  const at =
    d.occurredAt ??
    d.startedAt ??
    d.returnedAt ??
    d.notifiedAt ??
    d.from ??
    d.on ??
    d.start ??
    d.reviewedOn;
  if (typeof at === 'string') {
    return at.length === 10
      ? { at: `${at}T00:00:00.000Z`, wholeDay: true }
      : { at: new Date(at).toISOString(), wholeDay: false };
  }
  // Nothing happens after it is recorded (the API's clock may run ahead of the database's).
  const meta = s(e.metadata.occurredAt);
  return { at: meta && meta < e.recordedAt ? meta : e.recordedAt, wholeDay: false };
}

export function chronologyOf(
  events: readonly StoredEvent[],
  lateAfterHours: number,
  filter: { module?: Module; kind?: string; from?: string; to?: string; by?: string } = {},
): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const byContact = new Map<string, ChronologyEntry>();
  const byEvent = new Map<string, ChronologyEntry>();
  for (const e of events) {
    const known = TEXT[e.type];
    if (!known) continue;
    const d = e.data as Data;
    const actor = e.metadata.actor as { id: string; name?: string };
    const by = { id: actor.id, name: actor.name ?? actor.id };
    if (CORRECTIONS[e.type]) {
      const target =
        e.type === 'ContactAmended' ? byContact.get(s(d.contactId)) : byEvent.get(s(d.corrects));
      if (target) {
        target.corrections.push({ at: e.recordedAt, by, reason: s(d.reason), text: known[1](d) });
        continue;
      }
    }
    const { at, wholeDay } = occurredAt(e);
    const allowed = (lateAfterHours + (wholeDay ? 24 : 0)) * 3_600_000;
    const entry: ChronologyEntry = {
      eventId: e.eventId,
      position: e.position,
      module: known[0],
      kind: e.type,
      occurredAt: at,
      recordedAt: e.recordedAt,
      recordedBy: by,
      lateRecorded: Date.parse(e.recordedAt) - Date.parse(at) > allowed,
      text: known[1](d),
      corrections: [],
    };
    entries.push(entry);
    byEvent.set(e.eventId, entry);
    if (e.type === 'ContactLogged') byContact.set(s(d.contactId), entry);
  }
  return entries
    .filter((x) => !filter.module || x.module === filter.module)
    .filter((x) => !filter.kind || x.kind === filter.kind)
    .filter((x) => !filter.by || x.recordedBy.id === filter.by)
    .filter((x) => !filter.from || x.occurredAt >= filter.from)
    .filter((x) => !filter.to || x.occurredAt < filter.to)
    .sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.position - b.position,
    );
}
