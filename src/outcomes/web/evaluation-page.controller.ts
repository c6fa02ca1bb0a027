import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NWD_CONFIG, ProblemException, ReadsFrom, type NwdConfig } from '#platform';
import { collectionYearBounds } from '#ssda903';
import { outcomeYears } from '../outcome-years.js';
import { REASON_COOKIE, Requires, type WebRequest } from '../../access/index.js';
import { ukDate, WebPages } from '../../web/index.js';
import {
  DICTIONARY,
  dictionaryCsv,
  EvaluationExtract,
  readEvaluationKey,
} from '../evaluation/evaluation-extract.js';

/**
 * The extract for evaluators, for auditors: what is in it (the data dictionary), and a download
 * for a year, recorded in the access log as a disclosure of every young person in it.
 */
@ApiExcludeController()
@Controller('app/outcomes/evaluation')
export class EvaluationPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly extract: EvaluationExtract,
    @Inject(NWD_CONFIG) private readonly config: NwdConfig,
  ) {}

  private reason(req: WebRequest, res: Response): string | null {
    const reason = (req.cookies as Record<string, string> | undefined)?.[REASON_COOKIE] ?? null;
    if (!reason) {
      res.redirect(303, `/app/reason?returnTo=${encodeURIComponent(req.originalUrl)}`);
      return null;
    }
    return reason;
  }

  @Get()
  @Requires('evaluation:read')
  page(@Req() req: WebRequest, @Res() res: Response, @Query('year') asked?: string) {
    if (!this.reason(req, res)) return;
    const all = outcomeYears();
    const year = all.includes(asked ?? '') ? asked! : all[0];
    const { start, end } = collectionYearBounds(year);
    res.type('html').send(
      this.pages.page(req, 'evaluation.njk', {
        title: 'Extract for evaluators',
        years: all.map((y) => ({ value: y, text: y, selected: y === year })),
        window: `${ukDate(start)} to ${ukDate(end)}`,
        keySet: Boolean(this.config.env.EVALUATION_KEY_FILE),
        dictionary: DICTIONARY,
        extractHref: `/app/outcomes/evaluation/extract.csv?year=${year}`,
      }),
    );
  }

  @Get('extract.csv')
  @Requires('evaluation:read')
  @ReadsFrom('outcomes')
  async csv(@Req() req: WebRequest, @Res() res: Response, @Query('year') asked?: string) {
    const reason = this.reason(req, res);
    if (!reason) return;
    const year = outcomeYears().includes(asked ?? '') ? asked! : outcomeYears()[0];
    const { start, end } = collectionYearBounds(year);
    let key: Buffer;
    try {
      key = readEvaluationKey(this.config.env.EVALUATION_KEY_FILE);
    } catch (error) {
      // The system's set-up, not the request: said plainly, and nothing is handed over.
      throw new ProblemException(503, 'EVALUATION.KEY_NOT_SET', (error as Error).message);
    }
    const user = req.user!;
    const made = await this.extract.make({ from: start, to: end }, null, key, {
      id: user.id,
      name: user.name,
      roles: user.roles,
      reason,
      path: req.originalUrl,
    });
    res
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="evaluation-${year}.csv"`)
      .send(made.csv);
  }

  @Get('dictionary.csv')
  @Requires('evaluation:read')
  dictionary(@Res() res: Response) {
    res
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', 'attachment; filename="evaluation-dictionary.csv"')
      .send(dictionaryCsv());
  }
}
