import { SetMetadata } from '@nestjs/common';

export const PUBLIC = 'nwd:public';

/** A route anyone may call without a token (health). Every other route needs one. */
export const Public = () => SetMetadata(PUBLIC, true);

/**
 * An HTML page about one young person: the access log records the look from `youngPersonId`,
 * then the HTML alone is sent.
 */
export class HtmlDocument {
  constructor(
    readonly youngPersonId: string,
    readonly html: string,
  ) {}
}
