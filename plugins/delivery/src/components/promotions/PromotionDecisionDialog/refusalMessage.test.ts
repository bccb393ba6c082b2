import { ResponseError } from '@backstage/errors';
import { refusalMessage } from './refusalMessage';

describe('refusalMessage', () => {
  it('gives the server’s own words for a refused request', async () => {
    const body = {
      error: {
        name: 'ConflictError',
        message:
          'Promotion p1 is approved; only a promotion that is pending_approval can be rejected',
      },
      response: { statusCode: 409 },
    };
    const error = await ResponseError.fromResponse({
      status: 409,
      statusText: 'Conflict',
      url: 'http://backstage.test/api/delivery/promotions/p1/reject',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      text: async () => JSON.stringify(body),
    } as unknown as Response);

    expect(refusalMessage(error)).toBe(
      'Promotion p1 is approved; only a promotion that is pending_approval can be rejected (409)',
    );
  });

  it('keeps the message of any other error', () => {
    expect(refusalMessage(new Error('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
