import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { arrayParameter } from './arrayParameter';

jest.setTimeout(60_000);

// Text that means something in an array's text form, or to the driver.
const TEXTS = [
  'plain',
  '',
  'NULL',
  'null',
  'with "quotes"',
  'back\\slash and \\"both\\"',
  '{braces},commas',
  '  spaces  ',
  'line\nbreak\ttab',
  "it's",
  'ümlaut ✓ 🚀',
  '\\',
  '"',
];

describe('arrayParameter', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init('POSTGRES_15');
  });

  const unnested = async (parameter: Knex.Value, type: string) =>
    (
      await knex.raw(`SELECT unnest(?::${type}[]) AS value`, [parameter])
    ).rows.map((row: { value: unknown }) => row.value);

  it('hands PostgreSQL every text exactly as given, nulls as nulls', async () => {
    const values = [...TEXTS, null, undefined];
    expect(await unnested(arrayParameter(values, 'text'), 'text')).toEqual([
      ...TEXTS,
      null,
      null,
    ]);
  });

  it('hands PostgreSQL integers given as numbers or as the text the driver reads a bigint as', async () => {
    const values = [
      0,
      -1,
      Number.MAX_SAFE_INTEGER,
      '9223372036854775807',
      null,
    ];
    expect(await unnested(arrayParameter(values, 'bigint'), 'bigint')).toEqual([
      '0',
      '-1',
      String(Number.MAX_SAFE_INTEGER),
      '9223372036854775807',
      null,
    ]);
  });

  it('leaves what it does not write itself to the driver', async () => {
    expect(arrayParameter([1, 'a'], 'text')).toEqual([1, 'a']);
    expect(arrayParameter([1.5], 'bigint')).toEqual([1.5]);
    expect(await unnested(arrayParameter([7, 'x'], 'text'), 'text')).toEqual([
      '7',
      'x',
    ]);
  });
});
