/**
 * Byte surgery on PSPP-made fixtures for variants the tools no longer write:
 *   crafted-cp1252-codepage.sav  pspp-cp1252.sav without its character encoding record (subtype 20),
 *                                so only the code page in the machine integer record (1252) says how
 *                                to decode it, as in files from SPSS before version 16.
 * Usage: npx tsx tests/oracle/sav/craft-fixtures.ts <fixture dir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'tests/fixtures/sav';
const src = readFileSync(join(dir, 'pspp-cp1252.sav'));
const head = Buffer.from([7, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0]);
const at = src.indexOf(head);
if (at < 0) throw new Error('pspp-cp1252.sav has no encoding record');
const count = src.readInt32LE(at + 12);
const info = src.indexOf(Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]));
if (info < 0 || src.readInt32LE(info + 16 + 28) !== 1252) throw new Error('pspp-cp1252.sav does not declare code page 1252');
writeFileSync(join(dir, 'crafted-cp1252-codepage.sav'), Buffer.concat([src.subarray(0, at), src.subarray(at + 16 + count)]));
console.log('wrote crafted-cp1252-codepage.sav');
