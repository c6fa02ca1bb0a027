/**
 * What a case needs to know of a hub: whether it is open for referrals. Hubs are kept by
 * hub-placements, which builds on the case; it provides this port (bound in its module), so the
 * case does not import it.
 */
export interface HubRegister {
  /** `none`: no such hub. */
  statusOf(hubId: string): Promise<'none' | 'open'>;
}

export const HUB_REGISTER = Symbol('HUB_REGISTER');
