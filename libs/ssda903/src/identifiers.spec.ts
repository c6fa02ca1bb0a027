import { describe, expect, it } from '@jest/globals';
import { isUpn, normalisePostcode, upnCheckLetter } from './identifiers.js';
import {
  collectionYearBounds,
  collectionYearOf,
  previousCollectionYear,
} from './collection-year.js';
import { returnDate, tableCsv } from './tables.js';
import { isEnglishLaCode, LOCAL_AUTHORITIES } from './local-authorities.js';

describe('what the return checks the form of', () => {
  it('writes postcodes as the directory does, and refuses what is not one', () => {
    expect(normalisePostcode('so238uj')).toBe('SO23 8UJ');
    expect(normalisePostcode(' BH24  1EJ ')).toBe('BH24 1EJ');
    expect(normalisePostcode('EC1A 1BB')).toBe('EC1A 1BB');
    expect(normalisePostcode('SO23')).toBeNull();
    expect(normalisePostcode('12345')).toBeNull();
  });

  it('checks a UPN’s check letter (weights 2 to 13, modulo 23)', () => {
    // 0*2+0*3+...+0*12 + 1*13 = 13 -> the 14th check letter, P.
    expect(upnCheckLetter('000000000001')).toBe('P');
    expect(isUpn('P000000000001')).toBe(true);
    expect(isUpn('A000000000001')).toBe(false);
    const rest = '93610512345A';
    expect(isUpn(upnCheckLetter(rest) + rest)).toBe(true);
    expect(isUpn('P00000000001')).toBe(false);
  });

  it('derives the collection year from the day (1 April to 31 March)', () => {
    expect(collectionYearOf('2025-04-01')).toBe('2025-26');
    expect(collectionYearOf('2026-03-31')).toBe('2025-26');
    expect(collectionYearOf('2026-04-01')).toBe('2026-27');
    expect(collectionYearOf('1999-05-01')).toBe('1999-00');
    expect(collectionYearBounds('2025-26')).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(previousCollectionYear('2025-26')).toBe('2024-25');
    expect(() => collectionYearBounds('2025-27')).toThrow(RangeError);
  });

  it('writes a table with the DfE’s columns, dates DD/MM/YYYY and blanks empty', () => {
    expect(returnDate('2025-04-01')).toBe('01/04/2025');
    expect(
      tableCsv('missing', [
        { CHILD: 'A1', DOB: '2010-03-03', MISSING: 'M', MIS_START: '2025-05-01', MIS_END: null },
      ]),
    ).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\r\nA1,03/03/2010,M,01/05/2025,\r\n');
  });

  it('knows the English authorities’ codes', () => {
    expect(LOCAL_AUTHORITIES.get('E10000014')).toBe('Hampshire');
    expect(isEnglishLaCode('E10000014')).toBe(true);
    expect(isEnglishLaCode('W06000001')).toBe(false);
    expect(isEnglishLaCode('E99999999')).toBe(false);
  });
});
