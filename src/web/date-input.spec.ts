import { describe, expect, it } from '@jest/globals';
import { dateFromInput, dateTimeFields, dateTimeFromInput } from './date-input.js';

const at = (day: string, month: string, year: string, time: string) => ({
  'when-day': day,
  'when-month': month,
  'when-year': year,
  'when-time': time,
});

describe('dates and times asked for with GOV.UK date inputs', () => {
  it('reads a real date, and says a wrong one in plain words on the day box', () => {
    expect(
      dateFromInput({ 'd-day': '4', 'd-month': '12', 'd-year': '2026' }, 'd', 'The day'),
    ).toEqual({
      value: '2026-12-04',
      given: true,
    });
    expect(
      dateFromInput({ 'd-day': '31', 'd-month': '2', 'd-year': '2026' }, 'd', 'The day').error,
    ).toEqual({
      text: 'The day must be a real date, like 14 5 2008',
      href: '#d-day',
    });
    expect(dateFromInput({}, 'd', 'The day')).toEqual({ given: false });
  });

  it('reads a time on the 24-hour clock, with or without the colon, as UK time', () => {
    // 4 December is GMT; 1 July is BST (UTC+1).
    expect(dateTimeFromInput(at('4', '12', '2026', '14:05'), 'when', 'When').value).toBe(
      '2026-12-04T14:05:00.000Z',
    );
    expect(dateTimeFromInput(at('1', '7', '2026', '1405'), 'when', 'When').value).toBe(
      '2026-07-01T13:05:00.000Z',
    );
    expect(dateTimeFromInput(at('1', '7', '2026', '9.30'), 'when', 'When').value).toBe(
      '2026-07-01T08:30:00.000Z',
    );
    expect(dateTimeFromInput(at('4', '12', '2026', '14:05:30'), 'when', 'When').value).toBe(
      '2026-12-04T14:05:30.000Z',
    );
  });

  it('says what is missing or wrong, on the box to fix', () => {
    expect(
      dateTimeFromInput(at('4', '12', '2026', ''), 'when', 'When they came back').error,
    ).toEqual({
      text: 'Enter when they came back: the time, like 14:05',
      href: '#when-time',
    });
    expect(dateTimeFromInput(at('4', '12', '2026', '25:00'), 'when', 'When').error?.href).toBe(
      '#when-time',
    );
    expect(dateTimeFromInput(at('', '', '', '14:05'), 'when', 'When').error?.href).toBe(
      '#when-day',
    );
    expect(dateTimeFromInput(at('', '', '', ''), 'when', 'When')).toEqual({ given: false });
  });

  it('fills the boxes with a moment in UK time, and reads them back to the same minute', () => {
    const fields = dateTimeFields('when', '2026-07-01T13:05:59.000Z');
    expect(fields).toEqual({
      'when-day': '1',
      'when-month': '7',
      'when-year': '2026',
      'when-time': '14:05',
    });
    expect(dateTimeFromInput(fields, 'when', 'When').value).toBe('2026-07-01T13:05:00.000Z');
  });
});
