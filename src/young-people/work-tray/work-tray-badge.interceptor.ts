import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AccessRequest } from '../../access/index.js';
import { setNavBadge } from '../../web/index.js';
import { trayTotal, WorkTray } from './work-tray.js';

/** Where a hub's work tray is (the navigation item its count stands beside). */
export const workTrayPath = (hubId: string) => `/app/hubs/${hubId}/work`;

/**
 * On a hub manager's pages, the navigation says how much work waits in the tray ("Work to do
 * (7)"). Counted on each page a manager opens, after the guard has let them in; the tray's own
 * page counts it from the sections it shows, so they are not gathered twice.
 */
@Injectable()
export class WorkTrayBadgeInterceptor implements NestInterceptor {
  constructor(private readonly tray: WorkTray) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const user = req.user;
    const hub = user?.hubs[0];
    const page = req.method === 'GET' && req.path.startsWith('/app');
    if (page && hub && user.roles.includes('hub_manager') && req.path !== workTrayPath(hub)) {
      setNavBadge(
        req,
        workTrayPath(hub),
        trayTotal(await this.tray.sections(hub, { user, scope: 'hub' })),
      );
    }
    return next.handle();
  }
}
