import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { iso, isoDate } from './randomDoraHistory';

/**
 * The reports in a random order of arrival that keeps each event's reports in
 * order, split into the batches they are sent in.
 */
export function randomBatches(
  random: SeededRandom,
  reports: DeliveryEvent[][],
): DeliveryEvent[][] {
  // Arrival: a random interleaving that keeps each event's reports in order
  // (the record rules make the result depend on it), then batches.
  const queues = reports.map(versions => [...versions]);
  const arrival: DeliveryEvent[] = [];
  while (queues.length > 0) {
    const index = random.integer(0, queues.length - 1);
    arrival.push(queues[index].shift()!);
    if (queues[index].length === 0) {
      queues.splice(index, 1);
    }
  }
  // (now and then every event on its own, as one-at-a-time pushes)
  let batches: DeliveryEvent[][] = arrival.map(event => [event]);
  if (!random.chance(0.05)) {
    const cuts = Array.from({ length: random.integer(0, 4) }, () =>
      random.integer(0, arrival.length),
    ).sort((a, b) => a - b);
    batches = [];
    let start = 0;
    for (const cut of [...cuts, arrival.length]) {
      batches.push(arrival.slice(start, cut));
      start = cut;
    }
  }
  return batches;
}

/** Windows to compare DORA over. */
export function randomWindows(
  random: SeededRandom,
): Array<{ from: string; to: string; timeZone?: string }> {
  // Windows that cut through the history: whole UTC days, local days in
  // Berlin (across the summer-time switch) and odd hours.
  const windows: Array<{ from: string; to: string; timeZone?: string }> = [];
  for (let w = 0; w < 2; w++) {
    const firstDay = random.integer(-3, 30);
    const length = random.integer(1, 20);
    const kind = random.next();
    if (kind < 0.6) {
      windows.push({ from: isoDate(firstDay), to: isoDate(firstDay + length) });
    } else if (kind < 0.8) {
      windows.push({
        from: isoDate(firstDay),
        to: isoDate(firstDay + length),
        timeZone: 'Europe/Berlin',
      });
    } else {
      const fromHour = firstDay * 24 + random.integer(0, 23);
      windows.push({
        from: iso(fromHour * 60),
        to: iso((fromHour + random.integer(1, 24 * length)) * 60),
        ...(random.chance(0.5) && { timeZone: 'Europe/Berlin' }),
      });
    }
  }
  return windows;
}
