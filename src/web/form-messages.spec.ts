import { describe, expect, it } from '@jest/globals';
import { fieldMessage, type FormWords } from './form-messages.js';

const words: FormWords = {
  reason: { label: 'a reason for declining the referral' },
  kind: { label: 'the kind of contact' },
  notes: {
    label: 'notes',
    rules: { maxLength: 'Notes must be 4000 characters or fewer: shorten them' },
  },
};

describe('what a page says about a field', () => {
  it('asks to enter an empty field, whatever else it breaks, and to select an empty choice', () => {
    expect(
      fieldMessage(
        'reason',
        true,
        { isString: 'x', maxLength: 'reason must be shorter than or equal to 4000 characters' },
        words,
      ),
    ).toBe('Enter a reason for declining the referral');
    expect(fieldMessage('kind', true, { isIn: 'kind must be one of …' }, words)).toBe(
      'Select the kind of contact',
    );
  });

  it('says the limit in words, with the number the rule was given', () => {
    expect(
      fieldMessage(
        'reason',
        false,
        { maxLength: 'reason must be shorter than or equal to 4000 characters' },
        words,
      ),
    ).toBe('A reason for declining the referral must be 4000 characters or fewer');
  });

  it('uses a form’s own words for a rule where it has them', () => {
    expect(fieldMessage('notes', false, { maxLength: 'x 4000' }, words)).toBe(
      'Notes must be 4000 characters or fewer: shorten them',
    );
  });

  it('never shows a code name: an unnamed field reads as words', () => {
    expect(fieldMessage('overrideReason', true, { isString: 'x' })).toBe('Enter override reason');
  });
});
