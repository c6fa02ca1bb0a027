import { codeOptions } from '#ssda903';
import type { FormWords } from '../../web/index.js';
import { ukDate } from '../../web/index.js';
import type { OpenCase } from '../../young-people/index.js';

/**
 * What the forms that start a placement episode share (admit to a bed, place with a family):
 * the hub's open cases to choose from, and the SSDA903 episode's codes as words.
 */
export function episodeForm(
  open: OpenCase[],
  values: Record<string, string>,
  defaults: { rne: string; place?: { code: string; only: string[] } },
) {
  const select = (
    list: 'RNE' | 'LS' | 'PLACE' | 'PLACE_PROVIDER',
    field: string,
    fallback: string,
    only?: string[],
  ) =>
    codeOptions(list, undefined, only).map((o) => ({
      ...o,
      selected: (values[field] ?? fallback) === o.value,
    }));
  return {
    people: open.map((c) => ({
      value: c.youngPersonId,
      text: `${c.givenName} ${c.familyName}`,
      hint: { text: `Born ${ukDate(c.dateOfBirth)}` },
      checked: values.youngPersonId === c.youngPersonId,
      // The young people the page names, for the access log.
      attributes: { 'data-young-person': c.youngPersonId },
    })),
    rne: select('RNE', 'episode.rne', defaults.rne),
    ls: select('LS', 'episode.ls', 'V2'),
    places: defaults.place
      ? select('PLACE', 'episode.place', defaults.place.code, defaults.place.only)
      : [],
    providers: select('PLACE_PROVIDER', 'episode.placeProvider', 'PR1'),
  };
}

/** The episode's fields as the forms name them. */
export const EPISODE_WORDS: FormWords = {
  'episode.rne': { label: 'the reason for a new episode' },
  'episode.ls': { label: 'their legal status' },
  'episode.place': { label: 'the placement type' },
  'episode.placeProvider': { label: 'who provides the placement' },
  'episode.postcode': {
    label: 'the postcode of the placement',
    rules: { isUkPostcode: 'Enter a full UK postcode, like YO1 7HH' },
  },
};

/** A box ticked is `true`; absent is `false` (an unticked checkbox sends nothing). */
export const ticked = (body: Record<string, string>, field: string) =>
  body[field] === 'true' ? 'true' : 'false';
