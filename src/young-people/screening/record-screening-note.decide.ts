import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { YoungPersonEvent } from '../young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-person-case.state.js';
import { existingCase } from '../case-rules.state.js';

export interface RecordScreeningNote {
  youngPersonId: string;
  note: string;
  now: string;
}

export function decideRecordScreeningNote(
  command: RecordScreeningNote,
  state: YoungPersonCase,
): YoungPersonEvent[] {
  const open = existingCase(state, command.youngPersonId);
  if (open.status !== 'referred') {
    throw new DomainError(
      'REFERRAL.ALREADY_DECIDED',
      `screening notes are for a referral awaiting a decision; this one was ${open.status}`,
    );
  }
  return [
    {
      type: 'ScreeningNoteRecorded',
      data: {
        youngPersonId: command.youngPersonId,
        note: command.note.trim(),
        recordedAt: command.now,
      },
    },
  ];
}

export const recordScreeningNote: Decider<RecordScreeningNote, YoungPersonEvent, YoungPersonCase> =
  {
    decide: decideRecordScreeningNote,
    evolve: evolveCase,
    initialState: initialCase,
  };
