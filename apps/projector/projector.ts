import {
  createLogger,
  loggableError,
  openInfrastructure,
  type Infrastructure,
  type NwdConfig,
} from '#platform';
import { ALL_PROJECTIONS, NWD_MODEL } from '../composition/composition.js';

/** Runs every projection with no HTTP (PROJECTIONS=external on the API). */
export async function startProjector(config: NwdConfig): Promise<Infrastructure> {
  const logger = createLogger(config.logLevel, 'projector');
  const infra = await openInfrastructure(config, NWD_MODEL, {
    applicationName: 'nwd-projector',
    onProjectionError: (err, name) =>
      logger.error({ err: loggableError(err), projection: name }, 'projection failed'),
  });
  await infra.runner.prepare();
  infra.runner.start();
  for (const warning of infra.warnings) logger.warn(warning);
  logger.info(
    { storage: infra.describe, projections: ALL_PROJECTIONS.map((p) => p.name) },
    'projector running',
  );
  return infra;
}
