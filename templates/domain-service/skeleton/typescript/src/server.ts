import { optionsFromEnvironment, startService } from './service.ts';

const running = await startService(
  optionsFromEnvironment(process.env),
  Number(process.env.PORT ?? 8080),
);
console.log(`listening on ${running.url}`);

// Kubernetes sends SIGTERM before it stops a pod: drain instead of dropping requests.
process.on('SIGTERM', () => {
  running.drain().then(() => process.exit(0));
});
