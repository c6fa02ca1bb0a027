/** One look at one or more young people's records. Its own streams: one per user. */
export type CaseRecordsViewed = {
  type: 'CaseRecordsViewed';
  data: {
    entryId: string;
    userId: string;
    userName: string;
    roles: string[];
    youngPersonIds: string[];
    /** What was shown, in words a young person can read: "case summary", "caseload". */
    view: string;
    path: string;
    reason: string | null;
    viewedAt: string;
  };
};

export const accessLogStreamId = (userId: string) => `access-log-${userId}`;
