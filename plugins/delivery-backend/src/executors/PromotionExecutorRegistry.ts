import { ConflictError, InputError } from '@backstage/errors';
import { PromotionExecutor } from '@domain-delivery/backstage-plugin-delivery-node';

/** The promotion executors installed in this backend, by executor type. */
export class PromotionExecutorRegistry {
  readonly #executors = new Map<string, PromotionExecutor>();

  /** Adds an executor; refuses a second executor for the same type. */
  add(executor: PromotionExecutor): void {
    const type = executor?.type;
    if (typeof type !== 'string' || type.trim() === '') {
      throw new InputError(
        'A promotion executor must have a non-empty string type',
      );
    }
    if (this.#executors.has(type)) {
      throw new ConflictError(
        `A promotion executor of type '${type}' is already installed; each type can only be added once`,
      );
    }
    this.#executors.set(type, executor);
  }

  /** The executor for the type, if one is installed. */
  get(type: string): PromotionExecutor | undefined {
    return this.#executors.get(type);
  }

  /** The installed executor types. */
  types(): string[] {
    return Array.from(this.#executors.keys());
  }
}
