import { DataVersion } from '../../database/DataVersion';
import { RememberedAnswers } from './RememberedAnswers';

// A data version that the test changes, as a committed write would.
function versionAt(initial: string) {
  let current = initial;
  const version = { current: async () => current } as unknown as DataVersion;
  return { version, change: (next: string) => (current = next) };
}

describe('RememberedAnswers', () => {
  it('serves an answer again while the data version holds, and computes it again once it changes', async () => {
    const { version, change } = versionAt('1');
    const answers = new RememberedAnswers(version);
    let computed = 0;
    const compute = jest.fn(async () => `answer ${++computed}`);

    await expect(answers.remembered('dora:a', compute)).resolves.toBe(
      'answer 1',
    );
    await expect(answers.remembered('dora:a', compute)).resolves.toBe(
      'answer 1',
    );
    expect(compute).toHaveBeenCalledTimes(1);

    change('2');
    await expect(answers.remembered('dora:a', compute)).resolves.toBe(
      'answer 2',
    );
    // Another key is another answer.
    await answers.remembered('dora:b', compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('lets requests for an answer being computed share the computation', async () => {
    const { version } = versionAt('1');
    const answers = new RememberedAnswers(version);
    let finish: (value: string) => void = () => undefined;
    const compute = jest.fn(
      () => new Promise<string>(resolve => (finish = resolve)),
    );

    const first = answers.remembered('matrix:domain', compute);
    const second = answers.remembered('matrix:domain', compute);
    await new Promise(resolve => setImmediate(resolve));
    finish('the matrix');
    await expect(Promise.all([first, second])).resolves.toEqual([
      'the matrix',
      'the matrix',
    ]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failure: the next request computes again', async () => {
    const { version } = versionAt('1');
    const answers = new RememberedAnswers(version);
    const compute = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('database gone'))
      .mockResolvedValueOnce('recovered');

    await expect(answers.remembered('dora:a', compute)).rejects.toThrow(
      'database gone',
    );
    await expect(answers.remembered('dora:a', compute)).resolves.toBe(
      'recovered',
    );
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('computes every answer where there is no data version (SQLite)', async () => {
    const answers = new RememberedAnswers(undefined);
    const compute = jest.fn(async () => 'answer');
    await answers.remembered('dora:a', compute);
    await answers.remembered('dora:a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
