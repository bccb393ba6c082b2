import { render, screen } from '@testing-library/react';
import { PromotionStateChip } from './PromotionStateChip';

describe('PromotionStateChip', () => {
  it('names the state in words', () => {
    render(<PromotionStateChip state="pending_approval" />);
    expect(screen.getByText('Waiting for approval')).toBeInTheDocument();
  });

  it('says when a promotion was rejected', () => {
    render(<PromotionStateChip state="rejected" />);
    expect(screen.getByText('Rejected')).toBeInTheDocument();
  });
});
