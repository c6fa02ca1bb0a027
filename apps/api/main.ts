import { loadConfig } from '#platform';
import { startApi } from './api.js';

const running = await startApi(loadConfig());
process.stdout.write(`nwd-hub is running at ${running.url} (API docs at ${running.url}/docs)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
