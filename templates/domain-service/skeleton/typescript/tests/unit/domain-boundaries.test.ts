import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findViolations, packageOf } from '../../scripts/domain-boundaries.ts';

const domains: Record<string, string> = {
  '@acme/tickets': 'journey',
  '@acme/parking': 'smart-city',
};

test("an import of another domain's package is a violation", () => {
  const violations = findViolations(
    'smart-city',
    [
      {
        path: 'src/a.ts',
        source: [
          "import { park } from '@acme/parking';",
          "import type { Ticket } from '@acme/tickets/model';",
          "import { readFile } from 'node:fs/promises';",
          "import { helper } from './helper.ts';",
          "const lazy = await import('@acme/tickets');",
        ].join('\n'),
      },
    ],
    name => domains[name],
  );
  assert.deepEqual(
    violations.map(v => `${v.specifier} (${v.domain})`),
    ['@acme/tickets/model (journey)', '@acme/tickets (journey)'],
  );
});

test('packages are named by scope and name', () => {
  assert.equal(packageOf('@acme/tickets/model'), '@acme/tickets');
  assert.equal(packageOf('lodash/get'), 'lodash');
  assert.equal(packageOf('node:http'), undefined);
  assert.equal(packageOf('../x.ts'), undefined);
});
