import type { Role } from './policy.js';

/** Who is calling, from a verified token: never from the request body. */
export interface AuthenticatedUser {
  id: string;
  name: string;
  roles: Role[];
  hubs: string[];
}
