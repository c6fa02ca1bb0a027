/**
 * Events of a young person's outreach record (stream `outreach-<youngPersonId>`): contacts,
 * missing episodes with their return interviews, incidents and their Reg 40 notifications.
 * One stream per young person, so overlapping missing episodes are refused by the stream itself.
 */

export const CONTACT_KINDS = [
  'face_to_face',
  'phone',
  'text',
  'video',
  'attempted_no_contact',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** The No Wrong Door portfolio areas a contact can touch. */
export const PORTFOLIO_AREAS = [
  'safety',
  'education_training_employment',
  'health_wellbeing',
  'relationships_family',
  'housing',
  'money',
  'substance_use',
  'offending',
  'identity',
  'independence_skills',
] as const;
export type PortfolioArea = (typeof PORTFOLIO_AREAS)[number];

export type FollowUp = {
  action: string;
  due: string;
};

export type ContactDetails = {
  occurredAt: string;
  kind: ContactKind;
  location: string | null;
  durationMinutes: number | null;
  /** Others present; `thirdParty` marks names to redact in a subject access copy. */
  present: { name: string; relationship: string; thirdParty: boolean }[];
  notes: string;
  portfolioAreas: PortfolioArea[];
  followUps: FollowUp[];
};

export type ContactLogged = {
  type: 'ContactLogged';
  data: ContactDetails & {
    contactId: string;
    youngPersonId: string;
    hubId: string;
    workerId: string;
    workerName: string;
    recordedAt: string;
    /** Recorded more than the configured hours after it happened. */
    lateRecorded: boolean;
  };
};

export type ContactAmended = {
  type: 'ContactAmended';
  data: {
    contactId: string;
    youngPersonId: string;
    hubId: string;
    /** Only the fields that changed, with their new values. */
    changes: Partial<ContactDetails>;
    /** The values they replaced, so the history reads without a replay. */
    previous: Partial<ContactDetails>;
    reason: string;
    amendedBy: { id: string; name: string };
    amendedAt: string;
  };
};

/** SSDA903 MISSING codes: M missing, A away from placement without authorisation. */
export type MissingCategory = 'M' | 'A';

export type MissingEpisodeReported = {
  type: 'MissingEpisodeReported';
  data: {
    episodeId: string;
    youngPersonId: string;
    hubId: string;
    category: MissingCategory;
    startedAt: string;
    policeInformed: boolean;
    policeReference: string | null;
    circumstances: string;
    reportedBy: { id: string; name: string };
    reportedAt: string;
  };
};

export type MissingEpisodeUpdated = {
  type: 'MissingEpisodeUpdated';
  data: {
    episodeId: string;
    youngPersonId: string;
    hubId: string;
    at: string;
    note: string;
    policeReference: string | null;
  };
};

export type YoungPersonReturned = {
  type: 'YoungPersonReturned';
  data: {
    episodeId: string;
    youngPersonId: string;
    hubId: string;
    returnedAt: string;
    whereFound: string;
    /** Return home interview must be offered by then (the configured window after the return). */
    interviewDueBy: string;
    windowHours: number;
  };
};

export const INTERVIEW_OUTCOMES = ['offered', 'accepted', 'declined', 'completed'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export type ReturnInterviewRecorded = {
  type: 'ReturnInterviewRecorded';
  data: {
    episodeId: string;
    youngPersonId: string;
    hubId: string;
    outcome: InterviewOutcome;
    at: string;
    /** Who carried it out (for `completed`): an independent person, not the key worker. */
    by: string | null;
    notes: string | null;
  };
};

export const INCIDENT_KINDS = [
  'serious_incident',
  'police_involvement',
  'cse_concern',
  'allegation_against_staff',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const NOTIFY_RECIPIENTS = ['ofsted', 'placing_authority'] as const;
export type NotifyRecipient = (typeof NOTIFY_RECIPIENTS)[number];

export type IncidentRecorded = {
  type: 'IncidentRecorded';
  data: {
    incidentId: string;
    youngPersonId: string;
    hubId: string;
    kind: IncidentKind;
    occurredAt: string;
    summary: string;
    /** For police involvement: whether the registered person judges it serious (reg. 40(4)(d)). */
    serious: boolean;
    involved: { name: string; role: string; thirdParty: boolean }[];
    /** Who must be told under reg. 40; empty when not notifiable. */
    notify: NotifyRecipient[];
    recordedBy: { id: string; name: string };
    recordedAt: string;
  };
};

export type Reg40NotificationSent = {
  type: 'Reg40NotificationSent';
  data: {
    incidentId: string;
    youngPersonId: string;
    hubId: string;
    recipient: NotifyRecipient;
    notifiedAt: string;
    method: string;
    reference: string | null;
    recordedBy: { id: string; name: string };
  };
};

export type OutreachEvent =
  | ContactLogged
  | ContactAmended
  | MissingEpisodeReported
  | MissingEpisodeUpdated
  | YoungPersonReturned
  | ReturnInterviewRecorded
  | IncidentRecorded
  | Reg40NotificationSent;

export const outreachStreamId = (youngPersonId: string) => `outreach-${youngPersonId}`;
