import { loadConfig } from '#platform';
import { startProjector } from './projector.js';

const infra = await startProjector(loadConfig());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void infra.close().then(() => process.exit(0));
  });
}
