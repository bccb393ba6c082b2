import { render, screen, within } from '@testing-library/react';
import { ValuesDiff } from './ValuesDiff';

// A diff line's leading spaces are part of what it says.
const exactly = { normalizer: (text: string) => text };

const path = 'apps/journey/timetable-service/values-prod.yaml';

describe('ValuesDiff', () => {
  it('shows the removed and the added line of each file below its path', () => {
    render(
      <ValuesDiff
        files={[
          {
            path,
            before: 'image:\n  tag: 1.12.2\n',
            after: 'image:\n  tag: 1.13.0\n',
            diff: `--- a/${path}\n+++ b/${path}\n@@ -1,2 +1,2 @@\n image:\n-  tag: 1.12.2\n+  tag: 1.13.0\n`,
          },
        ]}
      />,
    );

    const file = screen.getByRole('figure', { name: `Changes to ${path}` });
    expect(within(file).getByText(path)).toBeInTheDocument();
    expect(
      within(file).getByText('-  tag: 1.12.2', exactly),
    ).toBeInTheDocument();
    expect(
      within(file).getByText('+  tag: 1.13.0', exactly),
    ).toBeInTheDocument();
    expect(within(file).queryByText(/^\+\+\+ /)).not.toBeInTheDocument();
  });

  it('marks a file the promotion creates', () => {
    render(
      <ValuesDiff
        files={[
          {
            path,
            after: 'image:\n  tag: 1.13.0\n',
            diff: `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,2 @@\n+image:\n+  tag: 1.13.0\n`,
          },
        ]}
      />,
    );

    expect(
      screen.getByText('(new file)', { exact: false }),
    ).toBeInTheDocument();
  });

  it('says so when nothing in the GitOps repository changes', () => {
    render(<ValuesDiff files={[]} />);
    expect(
      screen.getByText(
        'The promotion changes no file in the GitOps repository.',
      ),
    ).toBeInTheDocument();
  });
});
