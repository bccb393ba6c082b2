import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import {
  component,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const described = {
  sha: 'a1',
  committedAt: minutesIn(1),
  message: 'Refund in the customer’s currency\n\nThe body is not kept.',
  author: 'octocat',
};
const bare = { sha: 'b2', committedAt: minutesIn(2) };

describe('commit messages and authors', () => {
  it('are stored with the commits and answered where the commits are', async () => {
    const { postEvents, get } = await startDeliveryBackend({
      entities: [component('parking-api')],
    });
    const posted = await postEvents([
      deploymentEvent({
        id: 'dev-1',
        environment: 'dev',
        version: '1.1.0',
        commits: [described, bare],
        startedAt: minutesIn(9),
        finishedAt: minutesIn(10),
      }),
      deploymentEvent({
        id: 'staging-1',
        environment: 'staging',
        version: '1.0.0',
        commits: [],
        startedAt: minutesIn(4),
        finishedAt: minutesIn(5),
      }),
    ]);
    expect(posted.body).toEqual({
      accepted: ['dev-1', 'staging-1'],
      rejected: [],
    });

    const environments = await get(
      '/entities/component/default/parking-api/environments',
    );
    const [dev] = environments.body.items;
    const waiting = [
      bare,
      {
        sha: 'a1',
        committedAt: minutesIn(1),
        message: 'Refund in the customer’s currency',
        author: 'octocat',
      },
    ];
    expect(dev.current.deployment.commits).toEqual(waiting);
    expect(dev.next.missing.commits).toEqual(waiting);
  });
});
