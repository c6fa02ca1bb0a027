import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { WebRequest } from '../../access/index.js';
import { WebPages } from '../../web/index.js';
import { GetCaseSummary, type CaseSummary } from '../case-summary/case-summary.query.js';
import { CaseFlags } from '../case-flags/case-flags.js';
import { caseHeaderView, type CasePart } from './case-header.js';

/**
 * What every page of a case with a form starts from: the case, its head, the answers and errors
 * a refused form came back with (the page answers 400 then), a fresh idempotency key for its
 * forms, and which confirmation to show.
 */
@Injectable()
export class CasePageFrame {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly pages: WebPages,
    private readonly flags: CaseFlags,
  ) {}

  /** The case as its read model has it (a form's handler looks up what the form names). */
  summaryOf(id: string): Promise<CaseSummary> {
    return this.queryBus.execute(new GetCaseSummary(id));
  }

  /** The identity bar and parts of a case, with what every capability flags about them. */
  async header(req: WebRequest, summary: CaseSummary, part: CasePart) {
    const id = summary.youngPersonId;
    const raised = (await this.flags.of(summary.hubId, [id])).get(id) ?? [];
    return caseHeaderView(summary, req.user, part, undefined, raised);
  }

  async open(req: WebRequest, res: Response, id: string, part: CasePart) {
    const summary = await this.summaryOf(id);
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    return {
      summary,
      frame: {
        c: summary,
        header: await this.header(req, summary, part),
        errors,
        values,
        key: randomUUID(),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      },
    };
  }
}
