import { roundToSecond } from './simulatedHistory';

/**
 * Actions to run in time order; actions due at the same time run in the order
 * they were scheduled, which keeps the simulation deterministic.
 */
export class TimeQueue {
  private readonly actions: Array<{ at: number; order: number; run(): void }> =
    [];
  private order = 0;

  /** Runs the action at the given time (rounded to the second). */
  schedule(at: number, action: (at: number) => void) {
    const time = roundToSecond(at);
    this.actions.push({
      at: time,
      order: this.order++,
      run: () => action(time),
    });
  }

  /** Runs every action due no later than `until`, in time order. */
  runUntil(until: number) {
    for (;;) {
      const next = this.takeNext();
      if (!next || next.at > until) {
        return;
      }
      next.run();
    }
  }

  // Few actions are pending at any time, so a linear scan is enough.
  private takeNext() {
    if (this.actions.length === 0) {
      return undefined;
    }
    let best = 0;
    for (let i = 1; i < this.actions.length; i++) {
      const { at, order } = this.actions[i];
      const current = this.actions[best];
      if (at < current.at || (at === current.at && order < current.order)) {
        best = i;
      }
    }
    return this.actions.splice(best, 1)[0];
  }
}
