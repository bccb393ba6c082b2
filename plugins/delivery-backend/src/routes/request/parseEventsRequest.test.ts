import { InputError } from '@backstage/errors';
import { parseEventsRequest } from './parseEventsRequest';

describe('parseEventsRequest', () => {
  it('reads one event object as a list of one, and an array as it is', () => {
    expect(parseEventsRequest({ id: 'a' })).toEqual([{ id: 'a' }]);
    expect(parseEventsRequest([{ id: 'a' }, 'b'])).toEqual([{ id: 'a' }, 'b']);
  });

  it.each([['text'], [null], [3]])('refuses a body of %p', body => {
    expect(() => parseEventsRequest(body)).toThrow(
      new InputError('The body must be one event object or an array of events'),
    );
  });
});
