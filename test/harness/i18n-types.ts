/** `npm run i18n:types`: writes lib/ui/messages.ts, the typed keys and parameters, from the English catalog. */
import { writeFileSync } from 'node:fs';
import { readCatalog } from '../unit/i18n/catalogs';
import { messageTypes } from './message-types';

writeFileSync('lib/ui/messages.ts', messageTypes(readCatalog('en')));
console.log('Wrote lib/ui/messages.ts');
