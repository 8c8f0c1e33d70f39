import { serveReplicas } from './cluster-replicas';
import { createApp } from './create-app';
import { loadConfigOrThrow } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrThrow(process.env);
  await serveReplicas(config.API_REPLICAS, async () => {
    const app = await createApp(config);
    await app.listen(config.API_PORT, config.API_HOST);
  });
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`api failed to start: ${error.message}\n`);
  process.exit(1);
});
