import type { TableRow } from '#ssda903';

/**
 * A council's return for a year, recorded as sent: the header and the episodes still open on
 * 31 March, which next year's return must carry on field for field. Each recording replaces the
 * last (the council may send again before the deadline).
 */
export type Ssda903ReturnRecorded = {
  type: 'Ssda903ReturnRecorded';
  data: {
    laCode: string;
    year: string;
    hubIds: string[];
    header: TableRow<'header'>[];
    /** The episodes with no DEC: open at the end of the year. */
    openEpisodes: TableRow<'episodes'>[];
    rows: Record<string, number>;
    recordedAt: string;
  };
};

export const ssda903ReturnStreamId = (laCode: string, year: string) =>
  `ssda903-return-${laCode}-${year}`;
