import type {
  WebhookEventMap,
  WebhookEventName,
} from '@octokit/webhooks-types';
import examples from '@octokit/webhooks-examples';

/**
 * GitHub's own example deliveries of an event (`@octokit/webhooks-examples`),
 * for one action; a fresh copy each time, so a test may change it.
 */
export function webhookExamples<Name extends WebhookEventName>(
  name: Name,
  action?: string,
): WebhookEventMap[Name][] {
  const definition = examples.find(candidate => candidate.name === name);
  if (!definition) {
    throw new Error(`@octokit/webhooks-examples has no ${name} event`);
  }
  return (definition.examples as WebhookEventMap[Name][])
    .filter(
      example => !action || (example as { action?: string }).action === action,
    )
    .map(example => structuredClone(example));
}

/** The first example delivery of an event and action. */
export function webhookExample<Name extends WebhookEventName>(
  name: Name,
  action?: string,
): WebhookEventMap[Name] {
  const [example] = webhookExamples(name, action);
  if (!example) {
    throw new Error(
      `@octokit/webhooks-examples has no ${name} ${action} example`,
    );
  }
  return example;
}
