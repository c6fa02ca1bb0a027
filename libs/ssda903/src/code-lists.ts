/**
 * SSDA903 (the looked-after children return) code lists, as data keyed by collection year: the
 * lists change from year to year, so every code is validated against a named year's list. The one
 * place in the system that knows them.
 */
/**
 * 2024-25 is held as the year before 2025-26, so a council can export it and the carry-over into
 * 2025-26 can be checked. The DfE's own 2024-25 lists are not in this project: that year is read
 * with the 2025-26 lists (README, "The SSDA903 return").
 */
export const COLLECTION_YEARS = ['2024-25', '2025-26'] as const;
export type CollectionYear = (typeof COLLECTION_YEARS)[number];
export const CURRENT_COLLECTION_YEAR: CollectionYear = '2025-26';

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const LISTS_2025_26 = {
  /** Reason for new episode. */
  RNE: ['S', 'P', 'L', 'T', 'U', 'B'],
  /** Legal status. */
  LS: ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'],
  /** Placement type. */
  PLACE: [
    ...range('A', 3, 6),
    'K1',
    'K2',
    'K3',
    'P1',
    'P3',
    'R1',
    'R2',
    'R3',
    'R5',
    'S1',
    ...range('T', 0, 4),
    ...range('U', 1, 6),
    ...range('Z', 11, 14),
  ],
  PLACE_PROVIDER: range('PR', 0, 5),
  /** Reason episode ceased. */
  REC: [
    'E11',
    'E12',
    'E2',
    'E3',
    'E4A',
    'E4B',
    'E13',
    'E41',
    'E45',
    'E46',
    'E47',
    'E48',
    'E5',
    'E6',
    'E7',
    'E8',
    'E9',
    'E14',
    'E15',
    'E16',
    'E17',
    'X1',
  ],
  REASON_PLACE_CHANGE: [
    'CARPL',
    'CLOSE',
    'ALLEG',
    'STAND',
    'APPRR',
    'CREQB',
    'CREQO',
    'CHILD',
    'LAREQ',
    'PLACE',
    'CUSTOD',
    'OTHER',
  ],
  CIN: range('N', 1, 8),
  MISSING: ['M', 'A'],
  IN_TOUCH: ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'],
  /**
   * Care leaver's main activity (OC3): F/P full or part time in higher education (1), other
   * education (2), employment (4), apprenticeship (5); G4-G6 not in education, employment or
   * training (illness or disability, other reasons, pregnancy or parenting).
   */
  ACTIV: ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'],
  /**
   * Care leaver's accommodation (OC3): the type letter and 1 (suitable) or 2 (not suitable).
   * B parents or relatives, C community home, D semi-independent transitional, E supported
   * lodgings, G gone abroad, H deported, K ordinary lodgings, R residence not known, S no fixed
   * abode, T foyer, U independent living, V emergency accommodation, W bed and breakfast,
   * X in custody, Y other, Z with former foster carers (staying put). S and X are never suitable
   * (S2, X2 only). `0`: not in touch, so not known (ACTIV likewise).
   */
  ACCOM: [...[...'BCDEGHKRTUVWYZ'].flatMap((type) => [`${type}1`, `${type}2`]), 'S2', 'X2', '0'],
  SEX: ['M', 'F', 'U'],
  /** Ethnic origin, the DfE's codes. */
  ETHNIC: [
    'WBRI',
    'WIRI',
    'WOTH',
    'WIRT',
    'WROM',
    'MWBC',
    'MWBA',
    'MWAS',
    'MOTH',
    'AIND',
    'APKN',
    'ABAN',
    'AOTH',
    'BCRB',
    'BAFR',
    'BOTH',
    'CHNE',
    'OOTH',
    'REFU',
    'NOBT',
  ],
  /** Why a child has no UPN (in the UPN column instead of one). */
  UPN_REASON: range('UN', 1, 5),
  /** Whether a looked-after girl is a mother (header MOTHER). */
  MOTHER: ['0', '1'],
} satisfies Record<string, readonly string[]>;

export type CodeList = keyof typeof LISTS_2025_26;

const LISTS: Record<CollectionYear, Record<CodeList, readonly string[]>> = {
  '2024-25': LISTS_2025_26,
  '2025-26': LISTS_2025_26,
};

export function codesFor(
  list: CodeList,
  year: CollectionYear = CURRENT_COLLECTION_YEAR,
): readonly string[] {
  return LISTS[year][list];
}

export function isCode(
  list: CodeList,
  code: string,
  year: CollectionYear = CURRENT_COLLECTION_YEAR,
): boolean {
  return LISTS[year][list].includes(code);
}

/** PLACE_PROVIDER is left blank when the placement type is T0 to T4 or Z11 to Z14 (2025-26). */
export function providerRequired(place: string): boolean {
  return !/^(T[0-4]|Z1[1-4])$/.test(place);
}

/** The OC3 accommodation types (the letter of an ACCOM code) that can be suitable or not. */
const OC3_ACCOMMODATION: Readonly<Record<string, string>> = {
  B: 'With parents or relatives',
  C: 'Community home or other residential care',
  D: 'Semi-independent or transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  T: 'Foyer or similar supported accommodation',
  U: 'Independent living, for example a flat or tenancy',
  V: 'Emergency accommodation, for example a night shelter or hostel',
  W: 'Bed and breakfast',
  Y: 'Other accommodation',
  Z: 'With former foster carers (staying put)',
};

/**
 * What the codes a form asks for mean, in the words of the DfE's SSDA903 guidance, for pages:
 * a manager picks "Started to be looked after", the return keeps `S`.
 */
export const CODE_WORDS: Partial<Record<CodeList, Readonly<Record<string, string>>>> = {
  RNE: {
    S: 'Started to be looked after',
    L: 'Change of legal status only',
    P: 'Change of placement and carer(s) only',
    T: 'Change of both legal status and placement and carer(s) at the same time',
    B: 'Change of placement but carer(s) the same',
    U: 'Change of legal status and placement but carer(s) the same',
  },
  LS: {
    C1: 'Interim care order',
    C2: 'Full care order',
    D1: 'Freeing order granted',
    E1: 'Placement order granted',
    V2: 'Single period of accommodation under section 20',
    V3: 'Short breaks: individual episodes recorded',
    V4: 'Short breaks: agreements recorded',
    J1: 'Remanded to local authority or youth detention accommodation',
    J2: 'Placed in local authority accommodation under PACE',
    J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering',
    L1: 'Under police protection and in local authority accommodation',
    L2: 'Emergency protection order',
    L3: 'Under a child assessment order and in local authority accommodation',
  },
  /** The foster placement types a community family placement is one of (not the whole list). */
  PLACE: {
    K2: 'Children’s home subject to Children’s Homes Regulations',
    U1: 'Foster placement with a relative or friend: long-term fostering',
    U2: 'Foster placement with a relative or friend who is also an approved adopter',
    U3: 'Foster placement with a relative or friend: not long-term',
    U4: 'Foster placement with another foster carer: long-term fostering',
    U5: 'Foster placement with another foster carer who is also an approved adopter',
    U6: 'Foster placement with another foster carer: not long-term',
  },
  /** OC3: whether the council is in touch with the care leaver around their birthday. */
  IN_TOUCH: {
    YES: 'In touch',
    NO: 'Not in touch',
    DIED: 'Has died',
    REFU: 'Refuses contact or support',
    NREQ: 'No longer needs services',
    RHOM: 'Returned home for at least six months',
  },
  /** OC3: their main activity. */
  ACTIV: {
    F1: 'Higher education, full time',
    P1: 'Higher education, part time',
    F2: 'Other education, full time',
    P2: 'Other education, part time',
    F4: 'Apprenticeship, full time',
    P4: 'Apprenticeship, part time',
    F5: 'Training or employment, full time',
    P5: 'Training or employment, part time',
    G4: 'Not in education, training or employment: illness or disability',
    G5: 'Not in education, training or employment: other reasons',
    G6: 'Not in education, training or employment: pregnancy or parenting',
    '0': 'Not known (not in touch)',
  },
  /** OC3: where they live (the type letter), then 1 suitable or 2 not suitable. */
  ACCOM: Object.fromEntries([
    ...Object.entries(OC3_ACCOMMODATION).flatMap(([type, words]) => [
      [`${type}1`, `${words}, suitable`],
      [`${type}2`, `${words}, not suitable`],
    ]),
    ['S2', 'No fixed abode or homeless, not suitable'],
    ['X2', 'In custody, not suitable'],
    ['0', 'Not known (not in touch)'],
  ]),
  /** Why an episode ceased (the E codes end care; X1 goes on in a new episode the same day). */
  REC: {
    E11: 'Adopted: application for an adoption order unopposed',
    E12: 'Adopted: consent dispensed with by the court',
    E13: 'Left care to live with parents, relatives or others without parental responsibility',
    E14: 'Accommodation on remand ended',
    E15: 'Age assessment found them 18 or over',
    E16: 'Moved abroad',
    E17: 'Aged 18 or over and stayed with their carers (staying put)',
    E2: 'Died',
    E3: 'Care taken over by another local authority in the UK',
    E41: 'Residence or child arrangements order granted',
    E45: 'Special guardianship order to former foster carers who are relatives or friends',
    E46: 'Special guardianship order to former foster carers, not relatives or friends',
    E47: 'Special guardianship order to other carers who are relatives or friends',
    E48: 'Special guardianship order to other carers, not relatives or friends',
    E4A: 'Returned home to parents or others with parental responsibility, as planned',
    E4B: 'Returned home to parents or others with parental responsibility, not as planned',
    E5: 'Independent living with formal advice or support',
    E6: 'Independent living without formal advice or support',
    E7: 'Transferred to residential care funded by adult social care',
    E8: 'Looked after ended for another reason',
    E9: 'Sentenced to custody',
    X1: 'Still looked after: a new episode begins the same day (placed elsewhere)',
  },
  CIN: {
    N1: 'Abuse or neglect',
    N2: 'Child’s disability',
    N3: 'Parental illness or disability',
    N4: 'Family in acute stress',
    N5: 'Family dysfunction',
    N6: 'Socially unacceptable behaviour',
    N7: 'Low income',
    N8: 'Absent parenting',
  },
  ETHNIC: {
    WBRI: 'White: British',
    WIRI: 'White: Irish',
    WOTH: 'White: any other White background',
    WIRT: 'White: Traveller of Irish heritage',
    WROM: 'White: Gypsy or Roma',
    MWBC: 'Mixed: White and Black Caribbean',
    MWBA: 'Mixed: White and Black African',
    MWAS: 'Mixed: White and Asian',
    MOTH: 'Mixed: any other mixed background',
    AIND: 'Asian or Asian British: Indian',
    APKN: 'Asian or Asian British: Pakistani',
    ABAN: 'Asian or Asian British: Bangladeshi',
    AOTH: 'Asian or Asian British: any other Asian background',
    BCRB: 'Black or Black British: Caribbean',
    BAFR: 'Black or Black British: African',
    BOTH: 'Black or Black British: any other Black background',
    CHNE: 'Chinese',
    OOTH: 'Any other ethnic group',
    REFU: 'Refused',
    NOBT: 'Information not yet obtained',
  },
  UPN_REASON: {
    UN1: 'Under 6 on 31 March and not yet given a UPN',
    UN2: 'Has never attended a state-funded school in England',
    UN3: 'Lives abroad',
    UN4: 'Newly looked after and the UPN not yet known',
    UN5: 'Sources that would hold the UPN are not available',
  },
  SEX: { M: 'Male', F: 'Female', U: 'Not known' },
  PLACE_PROVIDER: {
    PR0: 'Parent or other person with parental responsibility',
    PR1: 'Own council’s provision',
    PR2: 'Other council’s provision',
    PR3: 'Other public provision',
    PR4: 'Private provision',
    PR5: 'Voluntary or third sector provision',
  },
};

/**
 * A code list as the options of a form's select, each "S: Started to be looked after"; `only`
 * keeps the codes a form offers (a community family offers foster placement types).
 */
export function codeOptions(
  list: CodeList,
  year: CollectionYear = CURRENT_COLLECTION_YEAR,
  only?: readonly string[],
): { value: string; text: string }[] {
  const words = CODE_WORDS[list] ?? {};
  const codes = codesFor(list, year).filter((code) => !only || only.includes(code));
  return codes.map((code) => ({
    value: code,
    text: words[code] ? `${code}: ${words[code]}` : code,
  }));
}
