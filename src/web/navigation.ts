// The layout's navigation: the items a user's roles open, with counts a capability sets.
import type { Request } from 'express';
import type { WebRequest } from '../access/index.js';

/**
 * What the layout needs on every page, error pages too: who is signed in, the CSRF token, and
 * the navigation for their roles (so a refused page still leads somewhere).
 */
export function shellOf(req: Request) {
  const session = (req as WebRequest).session;
  const user = (req as WebRequest).user;
  return {
    user,
    csrf: session?.csrf ?? '',
    nav: user ? navFor(user, req.path, navBadgesOf(req)) : [],
  };
}

const NAV_BADGES = Symbol('navBadges');
type WithBadges = Request & { [NAV_BADGES]?: Map<string, number> };

/**
 * A count shown beside a navigation item on this request's page ("Work to do (7)"): a capability
 * that knows the count sets it before the page is rendered; the shell knows none of them.
 */
export function setNavBadge(req: Request, href: string, count: number): void {
  const r = req as WithBadges;
  (r[NAV_BADGES] ??= new Map()).set(href, count);
}

const navBadgesOf = (req: Request) => (req as WithBadges)[NAV_BADGES] ?? new Map<string, number>();

function navFor(
  user: { roles: string[]; hubs: string[] },
  path: string,
  badges: Map<string, number>,
) {
  const hub = user.hubs[0];
  const items: { href: string; text: string; outbox?: true }[] = [];
  const worker = user.roles.some((r) => r === 'key_worker' || r === 'outreach_worker');
  if (worker) items.push({ href: '/app/my-day', text: 'My day' });
  if (user.roles.includes('hub_manager') && hub) {
    items.push(
      { href: `/app/hubs/${hub}/work`, text: 'Work to do' },
      { href: `/app/hubs/${hub}/young-people`, text: 'Young people' },
      { href: `/app/hubs/${hub}/referrals`, text: 'Referrals' },
      { href: `/app/hubs/${hub}/beds`, text: 'Beds and housing' },
      { href: `/app/hubs/${hub}/missing`, text: 'Missing and Reg 40' },
      { href: `/app/hubs/${hub}/staff`, text: 'Staff' },
      { href: '/app/returns/ssda903', text: 'SSDA903 return' },
      { href: '/app/outcomes', text: 'Outcomes' },
    );
  }
  if (
    user.roles.some((r) => r === 'key_worker' || r === 'outreach_worker' || r === 'hub_manager')
  ) {
    items.push({ href: '/app/caseload', text: 'My caseload' });
    // What is recorded on this device and not yet sent: the count is the device's, set by script.
    items.push({ href: '/app/outbox', text: 'Outbox', outbox: true });
  }
  if (user.roles.includes('auditor'))
    items.push(
      { href: '/app/audit', text: 'Audit' },
      { href: '/app/young-people', text: 'Young people' },
      { href: '/app/returns/ssda903', text: 'SSDA903 return' },
      { href: '/app/outcomes', text: 'Outcomes' },
      { href: '/app/outcomes/evaluation', text: 'Extract for evaluators' },
    );
  // The item the page is under: the longest address it starts with (Outcomes, or its extract).
  const current = items
    .filter((i) => path.startsWith(i.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return items.map(({ outbox, ...i }) => {
    const count = badges.get(i.href);
    return {
      ...i,
      text: count === undefined ? i.text : `${i.text} (${count})`,
      ...(outbox ? { html: 'Outbox<span data-outbox-count></span>' } : {}),
      active: i.href === current,
    };
  });
}
