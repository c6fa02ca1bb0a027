import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../access/index.js';

/** One thing to do about one young person. */
export interface TrayEntry {
  youngPersonId: string;
  /** Their name, or null when it is not known here yet (the read model catching up). */
  name: string | null;
  /** What is to be done, in words ("Offer a return home interview by 6 March 2026 at 09:00"). */
  detail: string;
  overdue: boolean;
}

/** One kind of work, with how much of it there is and the first entries, most pressing first. */
export interface TraySection {
  key: string;
  title: string;
  total: number;
  entries: TrayEntry[];
  /** Where the whole list is, when the tray shows only the first entries. */
  moreHref?: string;
}

/** A capability's part of the tray (registered at start by the module that owns the work). */
export interface WorkTraySource {
  /** Where its sections go among the others (lower first). */
  readonly order: number;
  sections(hubId: string, access: AccessScope): Promise<TraySection[]>;
}

/** How much work the sections hold in all. */
export const trayTotal = (sections: readonly TraySection[]) =>
  sections.reduce((n, s) => n + s.total, 0);

/** How many entries each section shows; the total says how many there are in all. */
export const TRAY_ENTRIES = 10;

/**
 * A hub manager's work tray: every capability that owns work for the hub adds its sections
 * (the case's referrals and key workers, outreach's notifications and interviews, the beds'
 * long stays), so the tray knows none of them and none of them imports another.
 */
@Injectable()
export class WorkTray {
  private readonly sources: WorkTraySource[] = [];

  register(source: WorkTraySource): void {
    this.sources.push(source);
    this.sources.sort((a, b) => a.order - b.order);
  }

  async sections(hubId: string, access: AccessScope): Promise<TraySection[]> {
    const all: TraySection[] = [];
    // One source after another: on PGlite every query waits for the one before anyway.
    for (const source of this.sources) all.push(...(await source.sections(hubId, access)));
    return all;
  }
}
