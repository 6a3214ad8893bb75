/**
 * PNG chunk surgery: record the print resolution in a pHYs chunk (pixels per metre) so that Word,
 * InDesign and the like place a 300-dpi chart at its intended size; and read size and DPI back.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  start: number;
  end: number;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + len;
    if (end > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    out.push({ type, start: at, end, data: png.subarray(at + 8, at + 8 + len) });
    at = end;
    if (type === 'IEND') break;
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Pixels per metre for a DPI, as pHYs stores it (300 dpi → 11811). */
export function dpiToPpm(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

/** Replace any pHYs chunk with one for `dpi`, placed right after IHDR (it must precede IDAT). */
export function setPngDpi(png: Buffer, dpi: number): Buffer {
  const list = chunks(png);
  if (list[0]?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const data = Buffer.alloc(9);
  const ppm = dpiToPpm(dpi);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data.writeUInt8(1, 8);
  const parts: Buffer[] = [SIGNATURE];
  for (const c of list) {
    if (c.type === 'pHYs') continue;
    parts.push(png.subarray(c.start, c.end));
    if (c.type === 'IHDR') parts.push(chunk('pHYs', data));
  }
  return Buffer.concat(parts);
}

export interface PngInfo {
  width: number;
  height: number;
  /** Pixels per metre from pHYs (null without one or when the unit is not the metre). */
  ppmX: number | null;
  ppmY: number | null;
  /** DPI from pHYs, rounded to 2 decimals. */
  dpi: number | null;
}

export function readPngInfo(png: Buffer): PngInfo {
  const list = chunks(png);
  const ihdr = list.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG without IHDR');
  const phys = list.find((c) => c.type === 'pHYs');
  const metre = phys && phys.data.readUInt8(8) === 1;
  const ppmX = metre ? phys.data.readUInt32BE(0) : null;
  const ppmY = metre ? phys.data.readUInt32BE(4) : null;
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    ppmX,
    ppmY,
    dpi: ppmX == null ? null : Math.round(ppmX * 0.0254 * 100) / 100,
  };
}
