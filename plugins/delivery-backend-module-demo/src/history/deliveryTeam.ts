import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { WorkingHours } from './workingHours';

// The demo catalog's engineers (examples/org.yaml), who request promotions.
const ENGINEERS = [
  'engineer',
  'sofia-lindqvist',
  'marco-rossi',
  'priya-nair',
  'jonas-weber',
  'amara-okafor',
  'liam-chen',
  'elena-garcia',
  'tom-becker',
];

/** The people behind a service and when they ship. */
export interface DeliveryTeam {
  /** User refs of the engineers who promote, roll back and hotfix. */
  members: string[];
  /** When they commit, release and promote outside production. */
  hours: WorkingHours;
  /** When they promote to production: not on Friday afternoons or weekends. */
  productionHours: WorkingHours;
}

/** A team drawn from the random stream: three engineers in a European time zone. */
export function drawDeliveryTeam(random: SeededRandom): DeliveryTeam {
  const utcOffsetHours = random.pick([0, 1, 2]);
  const first = random.integer(0, ENGINEERS.length - 1);
  return {
    members: [0, 3, 5].map(
      step => `user:default/${ENGINEERS[(first + step) % ENGINEERS.length]}`,
    ),
    hours: { utcOffsetHours, startHour: 8, endHour: 18, fridayEndHour: 18 },
    productionHours: {
      utcOffsetHours,
      startHour: 9,
      endHour: 17,
      fridayEndHour: 12,
    },
  };
}
