import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

/**
 * An opaque RGBA image written as an 8-bit palette PNG. The map is a few flat colours and their
 * anti-aliased edges, so 256 colours hold it with no visible change, at about a third of the bytes
 * of the RGBA PNG resvg writes; that keeps even a 150-person map small enough to send anywhere.
 * When the image has more than 256 colours, the most frequent are kept and every other pixel
 * takes the nearest of them.
 */

const deflateAsync = promisify(deflate);
const MAX_COLOURS = 256;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const rgbAt = (rgba: Uint8Array, i: number): number =>
  ((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0);

/** The palette: every colour when there are few enough, else the most frequent (ties by value). */
export function choosePalette(rgba: Uint8Array): number[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const c = rgbAt(rgba, i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_COLOURS)
    .map(([c]) => c);
}

function nearest(palette: number[], c: number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [i, p] of palette.entries()) {
    const dr = ((p >> 16) & 255) - ((c >> 16) & 255);
    const dg = ((p >> 8) & 255) - ((c >> 8) & 255);
    const db = (p & 255) - (c & 255);
    // Green weighs most for the eye, blue least.
    const distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}

export async function palettePng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const palette = choosePalette(rgba);
  const index = new Map(palette.map((c, i) => [c, i]));
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none), the best for palette images.
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const c = rgbAt(rgba, (y * width + x) * 4);
      let i = index.get(c);
      if (i === undefined) {
        i = nearest(palette, c);
        index.set(c, i);
      }
      raw[y * (width + 1) + 1 + x] = i;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap((c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255]));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', await deflateAsync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
