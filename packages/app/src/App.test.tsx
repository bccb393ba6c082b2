import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('should render, starting at the demo sign-in page', async () => {
    localStorage.clear();
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    await waitFor(() => {
      expect(rendered.baseElement).toBeInTheDocument();
    });
    // The app loads its features before the sign-in page; on a machine busy
    // with the rest of the test suite that takes more than findBy's 1 s.
    expect(
      await rendered.findByRole(
        'button',
        { name: 'Sign in as engineer' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(
      rendered.getByRole('button', { name: 'Sign in as platform admin' }),
    ).toBeInTheDocument();
  });
});
