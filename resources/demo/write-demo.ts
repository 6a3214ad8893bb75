/**
 * `npm run demo:generate [-- OUT.sav]`: writes the demo panel as an SPSS file (default demo.sav), for
 * trying the import dialog or other tools on the same data the app opens with.
 */
import { resolve } from 'node:path';
import { writeSav } from '../../electron/import/sav/write';
import { generateDemo } from './generate';

const out = resolve(process.argv[2] ?? 'demo.sav');
const ds = generateDemo();
await writeSav(out, ds);
console.log(`wrote ${out}: ${ds.rows} rows, ${ds.variables.length} variables`);
