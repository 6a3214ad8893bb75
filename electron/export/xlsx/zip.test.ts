/**
 * The zip container read back by an independent reader (JSZip) and by hand: whole entries with their
 * sizes in the local header, a long entry streamed in sync-flushed chunks with a data descriptor,
 * stored PNG bytes, the compression thread and the inline path giving the same contents, and a sink
 * that fails (a full disk) or a stop ending the writer with that error instead of a hang.
 */
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Deflater, inlineDeflater, workerDeflater } from './deflater';
import { type ZipSink, ZipWriter } from './zip';

function memorySink(): ZipSink & { bytes(): Buffer } {
  const parts: Buffer[] = [];
  return {
    write: (data) => {
      parts.push(Buffer.from(data));
      return Promise.resolve();
    },
    bytes: () => Buffer.concat(parts),
  };
}

/** About 1.4 MB of sheet-like text: several chunks, none of them alike. */
function longText(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 12000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${r % 97}</v></c><c r="B${r}"><v>${Math.sin(r) * 1000}</v></c></row>`);
  return rows.join('');
}

async function writeSample(deflater: Deflater): Promise<{ zip: Buffer; long: string; png: Buffer }> {
  const sink = memorySink();
  const zip = new ZipWriter(sink, { deflater, date: new Date(2026, 10, 25, 14, 30, 10) });
  const long = longText();
  const png = randomBytes(5000);
  zip.file('a.xml', '<a>één ▲ &amp;</a>');
  const e = zip.entry('xl/worksheets/sheet1.xml');
  for (let i = 0; i < long.length; i += 10_000) e.write(long.slice(i, i + 10_000));
  e.end();
  zip.stored('xl/media/image1.png', png);
  zip.file('empty.xml', '');
  await zip.drain(0);
  await zip.close();
  return { zip: sink.bytes(), long, png };
}

/** Local headers in file order: name, flags, method, sizes in the header. */
function localHeaders(zip: Buffer): { name: string; flags: number; method: number; csize: number }[] {
  const out: { name: string; flags: number; method: number; csize: number }[] = [];
  // The central directory says where each entry starts.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const nameLen = zip.readUInt16LE(p + 28);
    const offset = zip.readUInt32LE(p + 42);
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    out.push({
      name: zip.toString('utf8', offset + 30, offset + 30 + zip.readUInt16LE(offset + 26)),
      flags: zip.readUInt16LE(offset + 6),
      method: zip.readUInt16LE(offset + 8),
      csize: zip.readUInt32LE(offset + 18),
    });
    p += 46 + nameLen;
  }
  return out;
}

describe('zip writer', () => {
  for (const [name, make] of [
    ['inline', () => inlineDeflater(1)],
    ['compression thread', () => workerDeflater(1)],
  ] as const) {
    it(`writes entries an independent reader takes back exactly (${name})`, async () => {
      const { zip, long, png } = await writeSample(make());
      const read = await JSZip.loadAsync(zip, { checkCRC32: true });
      expect(Object.keys(read.files)).toEqual(['a.xml', 'xl/worksheets/sheet1.xml', 'xl/media/image1.png', 'empty.xml']);
      expect(await read.file('a.xml')!.async('string')).toBe('<a>één ▲ &amp;</a>');
      expect(await read.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(long);
      expect((await read.file('xl/media/image1.png')!.async('nodebuffer')).equals(png)).toBe(true);
      expect(await read.file('empty.xml')!.async('string')).toBe('');
      expect(read.file('a.xml')!.date.getFullYear()).toBe(2026);
    });
  }

  it('streams a long entry with a data descriptor and keeps sizes in the header of the others', async () => {
    const { zip, long } = await writeSample(inlineDeflater(1));
    const headers = localHeaders(zip);
    const sheet = headers.find((h) => h.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatchObject({ flags: 0x08, method: 8, csize: 0 });
    expect(headers.find((h) => h.name === 'a.xml')).toMatchObject({ flags: 0, method: 8 });
    expect(headers.find((h) => h.name === 'a.xml')!.csize).toBeGreaterThan(0);
    expect(headers.find((h) => h.name === 'xl/media/image1.png')).toMatchObject({ flags: 0, method: 0, csize: 5000 });
    // The streamed entry is several sync-flushed chunks, and plain zlib inflates them as one stream.
    const start = zip.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    const inflated = zlib.inflateRawSync(zip.subarray(start));
    expect(inflated.toString('utf8')).toBe(long);
    expect(Buffer.byteLength(long)).toBeGreaterThan(4 * 256 * 1024);
  });

  it('fails with the sink error, writes nothing after it, and does not hang', async () => {
    let writes = 0;
    const sink: ZipSink = {
      write: () => {
        writes++;
        return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    };
    const zip = new ZipWriter(sink, { deflater: inlineDeflater(1) });
    zip.file('a.xml', longText());
    zip.file('b.xml', longText());
    await expect(zip.drain(0)).rejects.toThrow(/ENOSPC/);
    expect(() => zip.file('c.xml', 'x')).toThrow(/ENOSPC/);
    await expect(zip.close()).rejects.toThrow(/ENOSPC/);
    expect(writes).toBe(1);
  });

  it('stops on abort: nothing more reaches the sink and the compression thread ends', async () => {
    const sink = memorySink();
    const deflater = workerDeflater(1);
    const zip = new ZipWriter(sink, { deflater });
    const e = zip.entry('big.xml');
    e.write(longText());
    await zip.abort(new Error('cancelled'));
    const before = sink.bytes().length;
    expect(() => e.end()).toThrow(/cancelled/);
    await expect(zip.close()).rejects.toThrow(/cancelled/);
    await expect(deflater.compress(9, true, Buffer.from('x'), true)).rejects.toThrow(/stopped/);
    expect(sink.bytes().length).toBe(before);
  });

  it('refuses to put an entry inside one that is still streaming', () => {
    const zip = new ZipWriter(memorySink(), { deflater: inlineDeflater(1) });
    const e = zip.entry('long.xml');
    e.write(longText());
    expect(() => zip.file('other.xml', 'x')).toThrow(/still being written/);
    e.end();
    expect(() => zip.file('other.xml', 'x')).not.toThrow();
  });
});
