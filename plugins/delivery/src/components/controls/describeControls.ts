import {
  Environment,
  FreezeWindowEntry,
  Halt,
} from '@domain-delivery/backstage-plugin-delivery-common';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** "All promotions are halted since … by …: reason", or a domain's. */
export function describeHalt(halt: Halt): string {
  const what =
    halt.scope === 'portal'
      ? 'All promotions are'
      : `Promotions of ${halt.scope} are`;
  const state = halt.active
    ? `${what} halted since ${dateTime(halt.createdAt)}`
    : `${what.replace(' are', ' were')} halted from ${dateTime(
        halt.createdAt,
      )} to ${dateTime(halt.liftedAt ?? halt.createdAt)}`;
  return `${state} by ${halt.createdBy}: ${halt.reason}`;
}

/** "Production is frozen until …: reason". */
export function describeActiveFreeze(
  entry: FreezeWindowEntry,
  environments: Array<Pick<Environment, 'name' | 'title'>> = [],
): string {
  const title =
    environments.find(e => e.name === entry.environment)?.title ??
    entry.environment;
  const until = entry.activeUntil
    ? ` until ${dateTime(entry.activeUntil)}`
    : '';
  const reason = entry.window.reason ? `: ${entry.window.reason}` : '';
  return `${title} is frozen${until}${reason}`;
}

const capitalized = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);

/** "Every Friday 16:00 to Monday 08:00 (Europe/Berlin)", or a one-off window's dates. */
export function describeWindow(window: FreezeWindowEntry['window']): string {
  if (window.type === 'recurring') {
    return `Every ${capitalized(window.from.day)} ${
      window.from.time
    } to ${capitalized(window.to.day)} ${window.to.time} (${window.timeZone})`;
  }
  return `${dateTime(window.start)} to ${dateTime(window.end)}`;
}
