/**
 * The data part of a .zsav file: a zlib header, independently deflated blocks of bytecode-compressed
 * cases, and a trailer indexing the blocks. Exposes the inflated bytes through the same
 * buf/pos/end/ensure interface the case decoder uses for plain files, one block at a time.
 */
import { promisify } from 'node:util';
import { inflate as inflateCb, type ZlibOptions } from 'node:zlib';
import type { FileSource } from './file-source';

const inflate = promisify<Buffer | Uint8Array, ZlibOptions, Buffer>(inflateCb);
const MAX_BLOCK = 64 * 1024 * 1024;

export interface ByteStream {
  buf: Buffer;
  view: DataView;
  pos: number;
  end: number;
  ensure(n: number): Promise<boolean>;
}

interface Block {
  compressedOffset: number;
  compressedSize: number;
  uncompressedSize: number;
  entryOffset: number;
}

export class ZlibStream implements ByteStream {
  buf = Buffer.alloc(0);
  view = new DataView(this.buf.buffer);
  pos = 0;
  end = 0;
  private next = 0;

  private constructor(
    private readonly src: FileSource,
    private readonly blocks: Block[],
  ) {}

  /** Reads and checks the zlib header (at the source's position) and trailer. */
  static async open(src: FileSource): Promise<ZlibStream> {
    const headerAt = src.offset;
    await src.need(24, 'the zlib header');
    const zheader = src.i64();
    const ztrailer = src.i64();
    const ztrailerLen = src.i64();
    if (zheader !== headerAt) src.fail(`zlib header offset ${zheader} should be ${headerAt}`, headerAt);
    if (ztrailer < headerAt + 24 || ztrailerLen < 24 || ztrailer + ztrailerLen > src.size) {
      src.fail(`zlib trailer at ${ztrailer} (${ztrailerLen} bytes) lies outside the file`, headerAt + 8);
    }
    src.seek(ztrailer);
    await src.need(24, 'the zlib trailer');
    src.i64(); // bias, repeated from the file header
    src.i64();
    const blockSize = src.view.getInt32(src.pos, src.littleEndian);
    const nBlocks = src.view.getInt32(src.pos + 4, src.littleEndian);
    src.skip(8);
    if (blockSize <= 0 || blockSize > MAX_BLOCK) src.fail(`zlib block size ${blockSize} is invalid`, ztrailer + 16);
    if (nBlocks < 0 || 24 + nBlocks * 24 !== ztrailerLen) src.fail(`zlib trailer lists ${nBlocks} blocks but is ${ztrailerLen} bytes`, ztrailer + 20);
    await src.need(nBlocks * 24, 'the zlib block index');
    const blocks: Block[] = [];
    let expected = headerAt + 24;
    for (let i = 0; i < nBlocks; i++) {
      const entryOffset = src.offset;
      src.i64(); // uncompressed offset: implied by the sizes
      const compressedOffset = src.i64();
      const uncompressedSize = src.i32();
      const compressedSize = src.i32();
      if (compressedOffset !== expected || compressedSize <= 0 || compressedOffset + compressedSize > ztrailer) {
        src.fail(`zlib block ${i} at ${compressedOffset} (${compressedSize} bytes) is out of place`, entryOffset);
      }
      if (uncompressedSize < 0 || uncompressedSize > blockSize) src.fail(`zlib block ${i} claims ${uncompressedSize} bytes`, entryOffset + 16);
      blocks.push({ compressedOffset, compressedSize, uncompressedSize, entryOffset });
      expected = compressedOffset + compressedSize;
    }
    if (expected !== ztrailer) src.fail(`zlib blocks end at ${expected} but the trailer starts at ${ztrailer}`, ztrailer);
    src.seek(headerAt + 24);
    return new ZlibStream(src, blocks);
  }

  async ensure(n: number): Promise<boolean> {
    while (this.end - this.pos < n && this.next < this.blocks.length) await this.inflateNext();
    return this.end - this.pos >= n;
  }

  private async inflateNext(): Promise<void> {
    const b = this.blocks[this.next++];
    const src = this.src;
    src.seek(b.compressedOffset);
    await src.need(b.compressedSize, 'a zlib block');
    let out: Buffer;
    try {
      out = await inflate(src.bytes(b.compressedSize), { maxOutputLength: Math.max(1, b.uncompressedSize) });
    } catch (e) {
      return src.fail(`zlib block ${this.next - 1} does not inflate: ${(e as Error).message}`, b.compressedOffset);
    }
    if (out.length !== b.uncompressedSize) {
      src.fail(`zlib block ${this.next - 1} inflates to ${out.length} bytes, not ${b.uncompressedSize}`, b.entryOffset);
    }
    const keep = this.end - this.pos;
    const next = Buffer.allocUnsafe(keep + out.length);
    this.buf.copy(next, 0, this.pos, this.end);
    out.copy(next, keep);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
    this.pos = 0;
    this.end = next.length;
  }
}
