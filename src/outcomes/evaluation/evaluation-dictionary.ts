/**
 * The extract for evaluators, column by column: what each means, its codes, and the event it is
 * read from (written out as the extract's dictionary.csv, and shown on the extract's page).
 */
/** One column of the extract, as its data dictionary says it. */
export interface Column {
  column: string;
  meaning: string;
  codes: string;
  source: string;
}

export const DICTIONARY: readonly Column[] = [
  {
    column: 'pseudonym',
    meaning:
      'The young person, as a keyed hash (HMAC-SHA256 with the council’s key, 20 hex digits)',
    codes: 'the same in every extract made with the same key',
    source: 'ReferralReceived (the case’s id, never written out)',
  },
  {
    column: 'hub',
    meaning: 'The hub whose case it is',
    codes: 'the hub’s id',
    source: 'ReferralReceived',
  },
  {
    column: 'birth_month',
    meaning: 'Month and year of birth',
    codes: 'YYYY-MM',
    source: 'ReferralReceived',
  },
  {
    column: 'sex',
    meaning: 'Sex',
    codes: 'M, F (blank: not recorded)',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'ethnicity',
    meaning: 'Ethnicity',
    codes: 'the DfE’s codes (WBRI ...)',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'home_la',
    meaning: 'Local authority of the home postcode',
    codes: 'ONS code (E10000014); blank where the postcode is not in the lookup held',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'referral_category',
    meaning: 'Why referred (the first referral in the window)',
    codes: 'edge_of_care, in_care, care_leaver, ...',
    source: 'ReferralReceived, RepeatReferralReceived',
  },
  {
    column: 'referred_on',
    meaning: 'Day of the first referral in the window (blank: referred before it)',
    codes: 'YYYY-MM-DD',
    source: 'ReferralReceived, RepeatReferralReceived',
  },
  ...(
    [
      ['missing_episodes', 'Missing episodes'],
      ['arrests', 'Arrests'],
      ['placements', 'Placements'],
      ['residential_nights', 'Nights in residential care'],
      ['exclusions', 'School exclusions'],
    ] as const
  ).map(([c, words]) => ({
    column: `before_${c}`,
    meaning: `${words} in the 12 months before referral (blank: the year before not recorded)`,
    codes: 'a count',
    source: 'BaselineRecorded (the last recorded)',
  })),
  ...(
    [
      ['missing_episodes', 'Missing episodes', 'MissingEpisodeReported'],
      ['arrests', 'Arrests', 'JusticeEventRecorded (arrest)'],
      ['charges', 'Charges', 'JusticeEventRecorded (charge)'],
      ['cautions', 'Cautions', 'JusticeEventRecorded (caution)'],
      ['convictions', 'Convictions', 'JusticeEventRecorded (conviction)'],
    ] as const
  ).map(([c, words, source]) => ({
    column: `after_${c}`,
    meaning: `${words} in the 12 months after referral (blank: not referred in the window, or the 12 months not yet passed)`,
    codes: 'a count',
    source,
  })),
  {
    column: 'neet_at_referral',
    meaning: 'Not in education, employment or training on the day of referral',
    codes: '1 yes, 0 no, blank: no status recorded by then',
    source: 'EducationStatusRecorded',
  },
  {
    column: 'neet_12_months_after',
    meaning: 'Not in education, employment or training 12 months after referral',
    codes: '1 yes, 0 no, blank: no status, or not yet',
    source: 'EducationStatusRecorded',
  },
  {
    column: 'placed_outside_hub_12_months_after',
    meaning: 'A placement outside the hub began in the 12 months after referral',
    codes: '1 yes, 0 no, blank: not yet known',
    source: 'PlacementOutsideHubRecorded',
  },
  {
    column: 'hub_bed_nights',
    meaning: 'Nights in a hub bed in the window',
    codes: 'a count',
    source: 'YoungPersonAdmitted, YoungPersonDischarged',
  },
  {
    column: 'family_nights',
    meaning: 'Nights with a community family in the window',
    codes: 'a count',
    source: 'YoungPersonPlacedWithFamily, FamilyPlacementEnded',
  },
  {
    column: 'residential_nights',
    meaning: 'Nights in residential care outside the hub in the window (K1, K2, R1, R2, R5, S1)',
    codes: 'a count',
    source: 'PlacementOutsideHubRecorded, PlacementOutsideHubEnded',
  },
  {
    column: 'other_care_nights',
    meaning: 'Other nights in care outside the hub in the window (foster care and the rest)',
    codes: 'a count',
    source: 'PlacementOutsideHubRecorded, PlacementOutsideHubEnded',
  },
  ...(
    [
      ['cse', 'sexual exploitation'],
      ['cce', 'criminal exploitation'],
      ['substance_misuse', 'substance misuse'],
      ['crisis', 'crisis (A&E or mental health)'],
    ] as const
  ).map(([c, words]) => ({
    column: `concerns_${c}`,
    meaning: `Concerns of ${words} opened in the window`,
    codes: 'a count',
    source: 'RiskMarkerOpened',
  })),
  {
    column: 'fgc_held',
    meaning: 'A family group conference was held in the window',
    codes: '1 yes, 0 no',
    source: 'FamilyGroupConferenceRecorded (held)',
  },
  {
    column: 'fgc_plan_agreed',
    meaning: 'A family plan was agreed in the window',
    codes: '1 yes, 0 no',
    source: 'FamilyGroupConferenceRecorded (plan_agreed)',
  },
  {
    column: 'oc3_in_touch',
    meaning: 'At the last OC3 record in the window: in touch',
    codes: 'YES, NO, DIED, REFU, NREQ, RHOM (blank: no record)',
    source: 'CareLeaverRecordMade',
  },
  {
    column: 'oc3_suitable_accommodation',
    meaning: 'At the same record: accommodation suitable',
    codes: '1 yes, 0 no, blank: no record or not in touch',
    source: 'CareLeaverRecordMade',
  },
  {
    column: 'oc3_education_training_work',
    meaning: 'At the same record: in education, training or work',
    codes: '1 yes, 0 no, blank: no record or not in touch',
    source: 'CareLeaverRecordMade',
  },
];
