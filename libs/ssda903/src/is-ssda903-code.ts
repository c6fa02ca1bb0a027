import { registerDecorator, type ValidationOptions } from 'class-validator';
import { codesFor, isCode, type CodeList, type CollectionYear } from './code-lists.js';
import { isUpn, normalisePostcode } from './identifiers.js';
import { isEnglishLaCode, LOCAL_AUTHORITIES } from './local-authorities.js';

/** class-validator: the value is a code of `list` for the collection year. */
export function IsSsda903Code(list: CodeList, year?: CollectionYear, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSsda903Code',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an SSDA903 ${list} code (${codesFor(list, year).join(', ')})`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCode(list, value, year),
      },
    });
}

/** class-validator: a full UK postcode ("SO23 8UJ"; spaces and case forgiven). */
export function IsUkPostcode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUkPostcode',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a full UK postcode, like SO23 8UJ`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && normalisePostcode(value) !== null,
      },
    });
}

/** class-validator: a unique pupil number whose check letter is right. */
export function IsUpn(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUpn',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a unique pupil number: 13 characters, a check letter then 12 digits, and the check letter must match`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isUpn(value) },
    });
}

/** class-validator: the ONS code of an English local authority (E10000014). */
export function IsEnglishLaCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isEnglishLaCode',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be the ONS code of an English local authority (one of ${LOCAL_AUTHORITIES.size} codes, like E10000014)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isEnglishLaCode(value),
      },
    });
}
