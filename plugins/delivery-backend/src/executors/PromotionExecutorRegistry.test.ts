import { PromotionExecutor } from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionExecutorRegistry } from './PromotionExecutorRegistry';

const executor = (type: string): PromotionExecutor => ({
  type,
  execute: jest.fn(async () => ({ message: `done by ${type}` })),
});

describe('PromotionExecutorRegistry', () => {
  it('finds executors by type', () => {
    const registry = new PromotionExecutorRegistry();
    const githubPr = executor('github-pr');
    registry.add(githubPr);
    registry.add(executor('argocd-sync'));

    expect(registry.get('github-pr')).toBe(githubPr);
    expect(registry.get('gitops-local')).toBeUndefined();
    expect(registry.types()).toEqual(['github-pr', 'argocd-sync']);
  });

  it('refuses a second executor of the same type', () => {
    const registry = new PromotionExecutorRegistry();
    registry.add(executor('github-pr'));
    expect(() => registry.add(executor('github-pr'))).toThrow(
      "A promotion executor of type 'github-pr' is already installed",
    );
  });

  it('refuses an executor without a type', () => {
    const registry = new PromotionExecutorRegistry();
    expect(() => registry.add(executor(' '))).toThrow(
      'A promotion executor must have a non-empty string type',
    );
  });
});
