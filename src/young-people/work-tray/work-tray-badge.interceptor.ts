import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AccessRequest } from '../../access/index.js';
import { setNavBadge } from '../../web/index.js';
import { WorkTray } from './work-tray.js';

/**
 * On a hub manager's pages, the navigation says how much work waits in the tray ("Work to do
 * (7)"). Counted on each page a manager opens, after the guard has let them in.
 */
@Injectable()
export class WorkTrayBadgeInterceptor implements NestInterceptor {
  constructor(private readonly tray: WorkTray) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const user = req.user;
    const hub = user?.hubs[0];
    if (
      req.method === 'GET' &&
      req.path.startsWith('/app') &&
      hub &&
      user?.roles.includes('hub_manager')
    ) {
      const sections = await this.tray.sections(hub, { user, scope: 'hub' });
      setNavBadge(
        req,
        `/app/hubs/${hub}/work`,
        sections.reduce((n, s) => n + s.total, 0),
      );
    }
    return next.handle();
  }
}
