/** `npm run backup:schema`: writes public/backup.schema.json from the zod definition of the file. */
import { writeFileSync } from 'node:fs';
import { backupJsonSchema } from '../../lib/backup/format';

writeFileSync('public/backup.schema.json', `${JSON.stringify(backupJsonSchema(), null, 2)}\n`);
console.log('Wrote public/backup.schema.json');
