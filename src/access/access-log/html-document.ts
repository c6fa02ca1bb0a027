/**
 * A rendered page about one young person (`youngPersonId`; empty for a list page, whose rows the
 * route declares): the access log records the look, then the HTML alone is sent.
 */
export class HtmlDocument {
  constructor(
    readonly youngPersonId: string,
    readonly html: string,
  ) {}
}
