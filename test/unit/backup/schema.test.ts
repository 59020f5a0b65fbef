import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupJsonSchema } from '../../../lib/backup/format';

describe('the published backup JSON Schema', () => {
  it('is the one generated from the zod definition (run `npm run backup:schema` after changing it)', () => {
    expect(JSON.parse(readFileSync('public/backup.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(backupJsonSchema())));
  });
});
