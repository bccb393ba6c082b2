import {
  coreServices,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';

/**
 * A scheduler that runs nothing by itself: a test runs a scheduled task when
 * it says, and sees how it was scheduled.
 */
export class CapturedTasks {
  readonly tasks = new Map<
    string,
    SchedulerServiceTaskInvocationDefinition & Record<string, unknown>
  >();

  readonly factory = createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: (): SchedulerService => ({
      scheduleTask: async task => {
        this.tasks.set(task.id, task as any);
      },
      createScheduledTaskRunner: () => {
        throw new Error('not in this test');
      },
      triggerTask: async id => {
        await this.run(id);
      },
      getScheduledTasks: async () => [],
      cancelTask: async () => {},
    }),
  });

  /** Runs the task once, as the scheduler would, and waits for it. */
  async run(id: string): Promise<void> {
    const task = this.tasks.get(id);
    if (!task) {
      throw new Error(`No task ${id} was scheduled`);
    }
    await task.fn(new AbortController().signal);
  }
}
