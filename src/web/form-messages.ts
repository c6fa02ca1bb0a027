/**
 * What a page says when a form field breaks a rule: plain words that say how to fix it ("Enter a
 * reason for declining the referral"), never the validator's text, a field's code name or a
 * permission word. Each form names its fields (and, where the plain sentence is not right, its own
 * words for a rule); the rest follows from the rule, here, in one place.
 */
export interface FieldWords {
  /** The field as the sentence needs it, lower case: "a reason for declining the referral". */
  label: string;
  /** Own words for a rule (class-validator's constraint name), or for `required`. */
  rules?: Partial<Record<string, string>>;
}

export type FormWords = Record<string, FieldWords>;

/** A line of the error summary, linking to the field at fault. */
export interface FormError {
  text: string;
  href: string;
}

/** Rules about picking one of several: "Select …" rather than "Enter …". */
const CHOICES = new Set(['isIn', 'isEnum', 'isBoolean', 'isUUID', 'isUuid', 'isSsda903Code']);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "workerName" -> "worker name": only for a field a form forgot to name. */
const fromCodeName = (field: string) =>
  field
    .split('.')
    .pop()!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** The number a rule was given, read from the validator's own message ("… 4000 characters"). */
const numberIn = (text: string | undefined) => /(\d+)/.exec(text ?? '')?.[1] ?? null;

/**
 * One message for one field. `missing`: the field was left empty (then only "Enter"/"Select"
 * is said, whatever else it would break). `broken`: the rules it broke, with the validator's
 * messages (read only for the numbers in them).
 */
export function fieldMessage(
  field: string,
  missing: boolean,
  broken: Record<string, string>,
  words: FormWords = {},
): string {
  const own = words[field];
  const label = own?.label ?? fromCodeName(field);
  const rules = Object.keys(broken);
  const choice = rules.some((r) => CHOICES.has(r));
  if (missing || rules.includes('isNotEmpty') || rules.includes('isDefined')) {
    return own?.rules?.required ?? `${choice ? 'Select' : 'Enter'} ${label}`;
  }
  for (const rule of rules) {
    const mine = own?.rules?.[rule];
    if (mine) return mine;
  }
  const [rule] = rules;
  const n = numberIn(broken[rule]);
  switch (rule) {
    case 'maxLength':
      return `${capitalised(label)} must be ${n} characters or fewer`;
    case 'minLength':
      return `${capitalised(label)} must be ${n} characters or more`;
    case 'max':
      return `${capitalised(label)} must be ${n} or less`;
    case 'min':
      return `${capitalised(label)} must be ${n} or more`;
    case 'isInt':
    case 'isNumber':
      return `${capitalised(label)} must be a whole number`;
    case 'isDateString':
    case 'isISO8601':
    case 'isCalendarDate':
      return `${capitalised(label)} must be a real date`;
    default:
      if (/^must /.test(broken[rule] ?? '')) return `${capitalised(label)} ${broken[rule]}`;
      return choice ? `Select ${label}` : `Check ${label}`;
  }
}
