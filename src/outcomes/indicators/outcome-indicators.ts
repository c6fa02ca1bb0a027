import { Inject, Injectable } from '@nestjs/common';
import { OUTCOMES_SETTINGS } from '../outcomes.settings.js';
import { OutcomeFacts } from './outcome-facts.reader.js';
import {
  computeIndicators,
  type Indicator,
  type IndicatorInput,
  type UnitCosts,
  type Window,
} from './indicators.js';
import { trendByQuarter } from './trend.js';

export interface OutcomesReport {
  window: Window;
  /** The instant the figures are as known at. */
  asOf: string;
  hubIds: readonly string[] | null;
  indicators: Indicator[];
  trend: { quarter: string; what: string; n: number }[];
}

/**
 * The outcomes of the hubs a caller may see, from the outcomes facts as known at an instant: what
 * was recorded after it is left out, so a figure can be shown again exactly as it was.
 */
@Injectable()
export class OutcomeIndicators {
  constructor(
    private readonly facts: OutcomeFacts,
    @Inject(OUTCOMES_SETTINGS) private readonly costs: UnitCosts,
  ) {}

  async report(
    hubIds: readonly string[] | null,
    window: Window,
    asOf: string,
  ): Promise<OutcomesReport> {
    const input = await this.input(hubIds, window, asOf);
    return {
      window,
      asOf,
      hubIds,
      indicators: computeIndicators(input),
      trend: trendByQuarter(input),
    };
  }

  private async input(
    hubIds: readonly string[] | null,
    window: Window,
    asOf: string,
  ): Promise<IndicatorInput> {
    return {
      ...(await this.facts.read(hubIds, asOf)),
      window,
      asOf: asOf.slice(0, 10),
      costs: this.costs,
    };
  }
}
