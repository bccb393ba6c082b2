/**
 * A checkpoint that behaves like the task engine's across a retry: the first
 * call with a key runs and stores the (JSON) result; a later call with the
 * same key answers the stored result without running again.
 */
export function createCheckpointStore() {
  const state = new Map<string, unknown>();
  const checkpoint = jest.fn(
    async ({ key, fn }: { key: string; fn: () => Promise<any> | any }) => {
      if (state.has(key)) {
        return state.get(key);
      }
      const value = (await fn()) ?? null;
      state.set(key, JSON.parse(JSON.stringify(value)));
      return value;
    },
  );
  return { checkpoint: checkpoint as any, state };
}
