import { describe, expect, it } from '@jest/globals';
import { CODE_WORDS, codeOptions, codesFor, isCode, providerRequired } from './code-lists.js';

describe('SSDA903 code lists (2025-26)', () => {
  it('holds the lists as published, by collection year', () => {
    expect(codesFor('PLACE')).toEqual(
      expect.arrayContaining(['A3', 'A6', 'K2', 'K3', 'P1', 'T0', 'T4', 'U1', 'U6', 'Z11', 'Z14']),
    );
    expect(codesFor('PLACE')).not.toContain('A2');
    expect(codesFor('PLACE_PROVIDER')).toEqual(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
    expect(isCode('LS', 'C2')).toBe(true);
    expect(isCode('REC', 'E4A')).toBe(true);
    expect(isCode('RNE', 'X')).toBe(false);
  });

  it('leaves the provider blank for T0 to T4 and Z11 to Z14', () => {
    expect(['T0', 'T3', 'T4', 'Z11', 'Z14'].map(providerRequired)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['K2', 'U1'].map(providerRequired)).toEqual([true, true]);
  });

  it('codes OC3 accommodation as suitable (1) or not (2), and 0 for a care leaver not in touch', () => {
    expect(isCode('ACCOM', 'B1')).toBe(true);
    expect(isCode('ACCOM', 'Z2')).toBe(true);
    expect(isCode('ACCOM', 'S2')).toBe(true);
    expect(isCode('ACCOM', 'S1')).toBe(false);
    expect(isCode('ACCOM', 'X1')).toBe(false);
    expect(isCode('ACCOM', 'BY')).toBe(false);
    expect(isCode('ACCOM', '0')).toBe(true);
    expect(isCode('ACTIV', '0')).toBe(true);
  });

  it('says in words every code a form asks for, and only codes of the list', () => {
    for (const [list, words] of Object.entries(CODE_WORDS)) {
      for (const code of Object.keys(words!)) expect(codesFor(list as 'RNE')).toContain(code);
    }
    for (const list of [
      'RNE',
      'LS',
      'PLACE_PROVIDER',
      'IN_TOUCH',
      'ACTIV',
      'ACCOM',
      'REC',
      'CIN',
      'ETHNIC',
      'UPN_REASON',
    ] as const) {
      expect(Object.keys(CODE_WORDS[list]!).sort()).toEqual([...codesFor(list)].sort());
    }
    expect(codeOptions('PLACE', undefined, ['U4', 'U6']).map((o) => o.value)).toEqual(['U4', 'U6']);
    expect(codeOptions('RNE')[0]).toEqual({ value: 'S', text: 'S: Started to be looked after' });
    // A list without words shows its codes as they are.
    expect(codeOptions('REASON_PLACE_CHANGE').every((o) => o.text === o.value)).toBe(true);
  });
});
