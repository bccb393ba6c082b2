import { render, screen } from '@testing-library/react';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  it('says how long ago, with the exact time on hover', () => {
    const threeHoursAgo = new Date(Date.now() - 3 * 3600 * 1000 - 5000);
    render(<RelativeTime value={threeHoursAgo.toISOString()} />);

    const time = screen.getByText('3 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', threeHoursAgo.toISOString());
    expect(time.getAttribute('title')).toContain(
      String(threeHoursAgo.getFullYear()),
    );
  });

  it('speaks of days for older moments and of now for fresh ones', () => {
    render(
      <>
        <RelativeTime
          value={new Date(Date.now() - 86400 * 1000).toISOString()}
        />
        <RelativeTime value={new Date().toISOString()} />
      </>,
    );

    expect(screen.getByText('yesterday')).toBeInTheDocument();
    expect(screen.getByText('just now')).toBeInTheDocument();
  });

  it('shows a value it cannot read as it is', () => {
    render(<RelativeTime value="soon" />);
    expect(screen.getByText('soon')).toBeInTheDocument();
  });
});
