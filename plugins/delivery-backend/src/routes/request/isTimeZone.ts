import { IANAZone } from 'luxon';

// Zones already found valid. Luxon builds an Intl.DateTimeFormat to tell,
// which costs more than the rest of a kept DORA answer; there are only a few
// hundred IANA zones, so the set stays small.
const knownZones = new Set<string>(['UTC']);

/** Whether `zone` is an IANA time zone, such as Europe/Berlin or UTC. */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) {
    return true;
  }
  if (!IANAZone.isValidZone(zone)) {
    return false;
  }
  knownZones.add(zone);
  return true;
}
