/**
 * The command-line attacks of issue 16 (closing the holes), each refused: weighting by a variable
 * that is not a weight (a sum of ages, one filter away from one person's age), filtering on the
 * person number; and the file safety the CLI offers: `audit verify`, an empty project file.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'duiding-cli-holes-'));
const CSV = join(__dirname, '../fixtures/csv');

describe('weights', () => {
  it('refuses a frequency weight that is not a weight variable (the magnitude table of age)', async () => {
    for (const filter of [[], ['--filter', 'golf = 2025 and leeftijd > 30']]) {
      const r = await cli('freq', 'demo', '--var', 'golf', '--weight', 'leeftijd', '--weight-type', 'frequency', ...filter, '--json');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^duiding: .*leeftijd/);
    }
    const w = await cli('freq', 'demo', '--var', 'golf', '--weight', 'leeftijd', '--weight-type', 'frequency');
    expect(w.err).toBe(
      'duiding: leeftijd cannot weight a table or model: only a variable with role weight can (its role is input); set the role in the variable view\n',
    );
    const model = await cli('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--weight', 'inkomen');
    expect(model.code).toBe(1);
    expect(model.err).toMatch(/inkomen cannot weight/);
  });

  it('still weights by the weight variable', async () => {
    const r = await cli('freq', 'demo', '--var', 'golf', '--weight', 'gewicht', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).weight).toBe('gewicht');
  });
});

describe('identifiers in filters', () => {
  it('refuses a filter on the person number, in tables and models', async () => {
    const t = await cli('freq', 'demo', '--var', 'gemeente', '--filter', 'golf = 2025 and respnr != 100003');
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/^duiding: respnr is marked as identifier \(role id\): identifiers may not be used in filters/);
    const c = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--filter', 'respnr < 100100');
    expect(c.code).toBe(1);
    const m = await cli('regress', 'demo', '--dep', 'leefbaarheid', '--indep', 'leeftijd', '--filter', 'respnr = 100003 or leeftijd > 30');
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/respnr/);
  });
});

describe('duiding audit verify', () => {
  async function project(): Promise<string> {
    const path = join(tmp(), 'p.duiding');
    const r = await cli('import', join(CSV, 'utf8-bom.csv'), '--project', path);
    expect(r.code).toBe(0);
    return path;
  }

  it('reports an intact chain with its head, in text and JSON', async () => {
    const path = await project();
    const text = await cli('audit', 'verify', path);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/audit log intact, 2 entries; head [0-9a-f]{64}/);
    const json = await cli('audit', 'verify', path, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ path, ok: true, entries: 2, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('reports the first broken link after the file was changed around the triggers, exit 1', async () => {
    const path = await project();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_append_only_update');
    raw.prepare("UPDATE audit SET detail = '{}' WHERE id = 1").run();
    raw.close();
    const r = await cli('audit', 'verify', path, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, broken: { id: 1, action: 'project.create', reason: 'hash' } });
    const text = await cli('audit', 'verify', path);
    expect(text.out).toMatch(/BROKEN at entry 1 .*project\.create.*changed after it was written/);
  });

  it('is a usage error without the subcommand or the file', async () => {
    expect((await cli('audit', 'check', 'x.duiding')).code).toBe(2);
    expect((await cli('audit', 'verify')).code).toBe(2);
  });
});

describe('an empty project file left by an old crash', () => {
  it('is refused by import --project, and replaced with --replace-empty', async () => {
    const path = join(tmp(), 'leeg.duiding');
    writeFileSync(path, '');
    const no = await cli('import', join(CSV, 'utf8-bom.csv'), '--project', path);
    expect(no.code).toBe(1);
    expect(no.err).toMatch(/empty file.*--replace-empty/);
    const yes = await cli('import', join(CSV, 'utf8-bom.csv'), '--project', path, '--replace-empty');
    expect(yes.code).toBe(0);
    expect((await cli('describe', `${path}#utf8_bom`, '--json')).code).toBe(0);
  });

  it('--replace-empty never replaces a file that is not empty', async () => {
    const path = join(tmp(), 'tekst.duiding');
    copyFileSync(join(CSV, 'utf8-bom.csv'), path);
    const r = await cli('import', join(CSV, 'utf8-bom.csv'), '--project', path, '--replace-empty');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a Duiding project/);
  });
});
