import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { WebRequest } from '../../access/index.js';
import { WebPages } from '../../web/index.js';
import { GetCaseSummary, type CaseSummary } from '../case-summary/case-summary.query.js';
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
  ) {}

  /** The case as its read model has it (a form's handler looks up what the form names). */
  summaryOf(id: string): Promise<CaseSummary> {
    return this.queryBus.execute(new GetCaseSummary(id));
  }

  async open(req: WebRequest, res: Response, id: string, part: CasePart) {
    const summary = await this.summaryOf(id);
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    return {
      summary,
      frame: {
        c: summary,
        header: caseHeaderView(summary, req.user, part),
        errors,
        values,
        key: randomUUID(),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      },
    };
  }
}
