import { registerDecorator, type ValidationOptions } from 'class-validator';
import { codesFor, isCode, type CodeList, type CollectionYear } from './code-lists.js';

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
