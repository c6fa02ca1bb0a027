import { DomainError } from '#kernel';
import type {
  AccommodationType,
  HousingPathwayEvent,
  LandlordType,
  TenancyConcern,
} from '../housing.events.js';

/** What the young person's housing stream says, folded. */
export interface HousingPathway {
  tenancies: Record<string, { start: string; ended: boolean; concerns: TenancyConcern[] }>;
  careLeaverRecords: number[];
}

export const initialPathway = (): HousingPathway => ({ tenancies: {}, careLeaverRecords: [] });

export function evolvePathway(state: HousingPathway, event: HousingPathwayEvent): HousingPathway {
  const tenancy = (id: string) => state.tenancies[id];
  const withTenancy = (id: string, change: Partial<HousingPathway['tenancies'][string]>) => {
    const current = tenancy(id);
    return current
      ? { ...state, tenancies: { ...state.tenancies, [id]: { ...current, ...change } } }
      : state;
  };
  switch (event.type) {
    case 'TenancyStarted':
      return {
        ...state,
        tenancies: {
          ...state.tenancies,
          [event.data.tenancyId]: { start: event.data.start, ended: false, concerns: [] },
        },
      };
    case 'TenancyConcernRecorded':
      return withTenancy(event.data.tenancyId, {
        concerns: [...(tenancy(event.data.tenancyId)?.concerns ?? []), event.data.concern],
      });
    case 'TenancyConcernResolved':
      return withTenancy(event.data.tenancyId, {
        concerns: (tenancy(event.data.tenancyId)?.concerns ?? []).filter(
          (c) => c !== event.data.concern,
        ),
      });
    case 'TenancyEnded':
      return withTenancy(event.data.tenancyId, { ended: true });
    case 'CareLeaverRecordMade':
      return { ...state, careLeaverRecords: [...state.careLeaverRecords, event.data.age] };
    case 'AccommodationChanged':
    case 'AccommodationPlanSet':
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** What the handler learnt about the case from its own stream. */
export interface CaseOfPathway {
  youngPersonId: string;
  hubId: string;
  caseStatus: string;
  category: string;
  dateOfBirth: string;
  /** Today (YYYY-MM-DD) by the handler's clock. */
  today: string;
}

const OPEN = ['accepted', 'stepped_away'];

/** Housing is recorded on accepted (or stepped away) cases only. */
export function openCase(c: CaseOfPathway) {
  if (!OPEN.includes(c.caseStatus)) {
    throw new DomainError(
      'CASE.NOT_ACCEPTED',
      `the case is ${c.caseStatus}: housing is recorded on accepted cases`,
    );
  }
}

function notFuture(date: string, today: string, field: string) {
  if (date > today)
    throw new DomainError('HOUSING.DATE_IN_FUTURE', `${field} is in the future`, 422, field);
}

/** Whole years on a date, from YYYY-MM-DD strings. */
export function yearsOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type ChangeAccommodation = CaseOfPathway & {
  accommodation: AccommodationType;
  description: string;
  on: string;
  reason: string;
  planned: boolean;
};

export function decideChangeAccommodation(c: ChangeAccommodation): HousingPathwayEvent[] {
  openCase(c);
  notFuture(c.on, c.today, 'on');
  return [
    {
      type: 'AccommodationChanged',
      data: {
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        accommodation: c.accommodation,
        description: c.description.trim(),
        on: c.on,
        reason: c.reason.trim(),
        planned: c.planned,
      },
    },
  ];
}

export type SetPlan = CaseOfPathway & { targetMoves: { to: string; by: string }[]; notes: string };

export function decideSetPlan(c: SetPlan): HousingPathwayEvent[] {
  openCase(c);
  if (yearsOn(c.dateOfBirth, c.today) < 16) {
    throw new DomainError(
      'HOUSING.PLAN_UNDER_16',
      'accommodation plans are for young people of 16 and over',
    );
  }
  return [
    {
      type: 'AccommodationPlanSet',
      data: {
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        targetMoves: c.targetMoves,
        notes: c.notes.trim(),
        setOn: c.today,
      },
    },
  ];
}

export type StartTenancy = CaseOfPathway & {
  tenancyId: string;
  landlordType: LandlordType;
  start: string;
  weeklyRent: number;
  address: string;
};

export function decideStartTenancy(c: StartTenancy, state: HousingPathway): HousingPathwayEvent[] {
  if (state.tenancies[c.tenancyId]) return [];
  openCase(c);
  if (yearsOn(c.dateOfBirth, c.start) < 16) {
    throw new DomainError('HOUSING.UNDER_16', 'no tenancy for anyone under 16');
  }
  const current = Object.entries(state.tenancies).find(([, t]) => !t.ended);
  if (current) {
    throw new DomainError(
      'TENANCY.ONE_AT_A_TIME',
      `end tenancy ${current[0]} before starting another`,
    );
  }
  return [
    {
      type: 'TenancyStarted',
      data: {
        tenancyId: c.tenancyId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        landlordType: c.landlordType,
        start: c.start,
        weeklyRent: c.weeklyRent,
        address: c.address.trim(),
      },
    },
  ];
}

function liveTenancy(state: HousingPathway, tenancyId: string) {
  const t = state.tenancies[tenancyId];
  if (!t) throw new DomainError('TENANCY.NOT_FOUND', `no tenancy ${tenancyId}`, 404, 'tenancyId');
  if (t.ended) throw new DomainError('TENANCY.ENDED', 'this tenancy has ended');
  return t;
}

export type TenancyChange = CaseOfPathway & {
  tenancyId: string;
  action: 'concern' | 'resolve' | 'end';
  concern: TenancyConcern | null;
  on: string;
  detail: string;
  arrears: number | null;
  planned: boolean;
};

export function decideTenancyChange(
  c: TenancyChange,
  state: HousingPathway,
): HousingPathwayEvent[] {
  const t = liveTenancy(state, c.tenancyId);
  notFuture(c.on, c.today, 'on');
  if (c.on < t.start)
    throw new DomainError('TENANCY.BEFORE_START', `the tenancy started on ${t.start}`, 422, 'on');
  const base = { tenancyId: c.tenancyId, youngPersonId: c.youngPersonId, hubId: c.hubId, on: c.on };
  if (c.action === 'end') {
    return [
      { type: 'TenancyEnded', data: { ...base, reason: c.detail.trim(), planned: c.planned } },
    ];
  }
  if (!c.concern)
    throw new DomainError('TENANCY.CONCERN_REQUIRED', 'say which concern', 422, 'concern');
  if (c.action === 'concern') {
    if (c.concern === 'arrears' && (c.arrears === null || c.arrears <= 0)) {
      throw new DomainError(
        'TENANCY.ARREARS_AMOUNT_REQUIRED',
        'give the arrears owed',
        422,
        'arrears',
      );
    }
    return [
      {
        type: 'TenancyConcernRecorded',
        data: { ...base, concern: c.concern, detail: c.detail.trim(), arrears: c.arrears },
      },
    ];
  }
  if (!t.concerns.includes(c.concern)) {
    throw new DomainError(
      'TENANCY.CONCERN_NOT_OPEN',
      `no open ${c.concern} concern`,
      409,
      'concern',
    );
  }
  return [
    {
      type: 'TenancyConcernResolved',
      data: { ...base, concern: c.concern, note: c.detail.trim() },
    },
  ];
}

export const decider = <C>(decide: (c: C, s: HousingPathway) => HousingPathwayEvent[]) => ({
  decide,
  evolve: evolvePathway,
  initialState: initialPathway,
});

export const changeAccommodation = decider(decideChangeAccommodation);
export const setPlan = decider(decideSetPlan);
export const startTenancy = decider(decideStartTenancy);
export const changeTenancy = decider(decideTenancyChange);
