import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { ReadsFrom } from '#platform';
import { HtmlDocument } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { daysAgo, ukDate, WebPages, youngPeopleInPage } from '../../web/index.js';
import { CaseFlags } from '../case-flags/case-flags.js';
import { GetCaseload, type CaseloadEntry } from '../caseload/caseload.query.js';
import { foldName } from '../find-young-people/name-search.js';

const SORTS = {
  contact: 'Longest without a contact',
  name: 'Name',
  age: 'Age',
} as const;
type Sort = keyof typeof SORTS;

/** What is due next for a young person, from their case (the day's other work is on My day). */
function nextDue(c: CaseloadEntry): string | null {
  if (c.pathwayReview && c.pathwayReview.state !== 'ok')
    return `Pathway plan review ${c.pathwayReview.state === 'overdue' ? 'overdue since' : 'by'} ${ukDate(c.pathwayReview.due)}`;
  if (c.careLeaverRecordDue) return `Birthday record (OC3) by ${ukDate(c.careLeaverRecordDue.by)}`;
  if (c.turning25On) return `Turns 25 on ${ukDate(c.turning25On)}: the case closes`;
  return null;
}

/** The worker's caseload, phone first: the young people they are key worker for. */
@ApiExcludeController()
@Controller('app')
export class CaseloadPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
    private readonly flags: CaseFlags,
  ) {}

  @Get('caseload')
  @Requires('case:read', scopedList())
  @ReadsFrom('caseloads', 'missing_board', 'incidents', 'bed_board')
  @LogsAccess('caseload page', youngPeopleInPage)
  async caseload(
    @Req() req: WebRequest,
    @Access() access: AccessScope,
    @Query('name') name?: string,
    @Query('sort') sortBy?: string,
  ) {
    const { response: page } = await this.consent.keep(
      access,
      await this.queryBus.execute(
        new GetCaseload({ workerId: req.user!.id }, 500, undefined, access),
      ),
      pageOfCases,
    );
    const all: CaseloadEntry[] = page.items;
    const sort: Sort = sortBy && Object.hasOwn(SORTS, sortBy) ? (sortBy as Sort) : 'contact';
    const sought = typeof name === 'string' ? foldName(name.slice(0, 100)).trim() : '';
    const shown = all
      .filter(
        (c) =>
          !sought ||
          foldName(`${c.youngPerson.givenName} ${c.youngPerson.familyName}`).includes(sought),
      )
      .sort((a, b) =>
        sort === 'name'
          ? a.youngPerson.familyName.localeCompare(b.youngPerson.familyName) ||
            a.youngPerson.givenName.localeCompare(b.youngPerson.givenName)
          : sort === 'age'
            ? b.youngPerson.dateOfBirth.localeCompare(a.youngPerson.dateOfBirth)
            : (b.daysSinceLastContact ?? 1e9) - (a.daysSinceLastContact ?? 1e9),
      );
    const raised = await this.flags.ofMany(shown);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'caseload.njk', {
        title: 'My caseload',
        total: all.length,
        name: typeof name === 'string' ? name.slice(0, 100) : '',
        sorts: (Object.keys(SORTS) as Sort[]).map((s) => ({
          value: s,
          text: SORTS[s],
          selected: s === sort,
        })),
        cases: shown.map((c) => ({
          youngPersonId: c.youngPersonId,
          name: `${c.youngPerson.givenName} ${c.youngPerson.familyName}`,
          givenName: c.youngPerson.givenName,
          age: c.age,
          lastContact: daysAgo(c.daysSinceLastContact, 'no contact yet'),
          never: c.daysSinceLastContact === null,
          next: nextDue(c),
          flags: raised.get(c.youngPersonId) ?? [],
        })),
      }),
    );
  }
}
