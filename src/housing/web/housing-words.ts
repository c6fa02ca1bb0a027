import {
  type AccommodationType,
  type LANDLORD_TYPES,
  type TenancyConcern,
  type OPTION_KINDS,
} from '../housing.events.js';

/** Where someone lives, as a manager or worker says it. */
export const ACCOMMODATION_WORDS: Record<AccommodationType, string> = {
  with_family: 'With their family',
  foster_care: 'Foster care',
  childrens_home: 'Children’s home',
  nwd_hub: 'No Wrong Door hub bed',
  staying_put: 'Staying put with former foster carers',
  independent_tenancy: 'Their own tenancy',
  social_housing: 'Social housing',
  private_rented: 'Private rented',
  emergency_accommodation: 'Emergency accommodation',
  custody: 'Custody',
  no_fixed_abode: 'No fixed address',
  other: 'Somewhere else',
};
/** The kinds of housing option, as a manager says them. */
export const KIND_WORDS: Record<(typeof OPTION_KINDS)[number], string> = {
  supported_lodgings: 'Supported lodgings',
  supported_accommodation: 'Supported accommodation',
  training_flat: 'Training flat',
  move_on: 'Move-on accommodation',
};
/** Who a tenancy is with. */
export const LANDLORD_WORDS: Record<(typeof LANDLORD_TYPES)[number], string> = {
  council: 'The council',
  housing_association: 'A housing association',
  private: 'A private landlord',
};
/** What can go wrong with a tenancy, as a manager says it. */
export const CONCERN_WORDS: Record<TenancyConcern, string> = {
  arrears: 'Rent arrears',
  notice_seeking_possession: 'Notice seeking possession',
  notice_to_quit: 'Notice to quit',
  antisocial_behaviour: 'Antisocial behaviour',
  sustainment: 'Struggling to keep the tenancy going',
};
