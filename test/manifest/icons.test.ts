import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzlibSync } from 'fflate';
import { iconProblems, readPngHeader, type PngHeader } from '../../scripts/appPackage/pngIcon';

const manifestDir = path.resolve(__dirname, '../../manifest');
const colorIcon = readFileSync(path.join(manifestDir, 'color.png'));
const outlineIcon = readFileSync(path.join(manifestDir, 'outline.png'));

function header(bytes: Uint8Array): PngHeader {
  const result = readPngHeader(bytes);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** A PNG of just the chunks given (CRCs left zero: the header reader does not check them). */
function pngWithChunks(chunks: { type: string; data: number[] }[]): Uint8Array {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (const { type, data } of chunks) {
    bytes.push(0, 0, (data.length >> 8) & 0xff, data.length & 0xff, ...Buffer.from(type, 'ascii'), ...data, 0, 0, 0, 0);
  }
  return Uint8Array.from(bytes);
}
const ihdr = (size: number, colorType: number) => ({ type: 'IHDR', data: [0, 0, 0, size, 0, 0, 0, size, 8, colorType, 0, 0, 0] });
const iend = { type: 'IEND', data: [] };

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [left, up, upLeft].map((value) => Math.abs(estimate - value)) as [number, number, number];
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA PNG: inflate the IDAT stream and undo each row's filter. */
function rgbaPixels(bytes: Uint8Array): Uint8Array {
  const { width, height, bitDepth, colorType } = header(bytes);
  expect({ bitDepth, colorType, interlace: bytes[28] }).toEqual({ bitDepth: 8, colorType: 6, interlace: 0 });
  const view = Buffer.from(bytes);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < view.length; offset += 12 + view.readUInt32BE(offset)) {
    if (view.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(view.subarray(offset + 8, offset + 8 + view.readUInt32BE(offset)));
  }
  const filtered = unzlibSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const predictors = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)];
      pixels[y * stride + x] = (filtered[y * (stride + 1) + 1 + x]! + predictors[filter]!) & 0xff;
    }
  }
  return pixels;
}

describe('the app icons', () => {
  it('are PNGs: colour 192×192, outline 32×32 with an alpha channel', () => {
    expect(header(colorIcon)).toMatchObject({ width: 192, height: 192 });
    expect(header(outlineIcon)).toMatchObject({ width: 32, height: 32, hasTransparency: true });
    expect(iconProblems('color', 'color.png', colorIcon)).toEqual([]);
    expect(iconProblems('outline', 'outline.png', outlineIcon)).toEqual([]);
  });

  it('has an outline that is white on transparent, with something drawn', () => {
    const pixels = rgbaPixels(outlineIcon);
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [red, green, blue, alpha] = pixels.subarray(i, i + 4);
      if (alpha === 0) continue;
      drawn++;
      expect([red, green, blue]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(pixels.length / 4);
  });
});

describe('icon checks', () => {
  it('refuses a file that is not a PNG', () => {
    expect(iconProblems('color', 'color.png', Buffer.from('{"not": "a png"}'))).toEqual(['color.png is not a PNG file (no PNG signature)']);
  });

  it('names the size it found and the size it needs', () => {
    expect(iconProblems('outline', 'outline.png', colorIcon)).toEqual(['outline.png is 192×192; the outline icon must be 32×32']);
    expect(iconProblems('color', 'color.png', outlineIcon)).toEqual(['color.png is 32×32; the color icon must be 192×192']);
  });

  it('refuses an outline that cannot be transparent, and accepts transparency from a tRNS chunk', () => {
    const opaqueRgb = pngWithChunks([ihdr(32, 2), iend]);
    expect(iconProblems('outline', 'outline.png', opaqueRgb)).toEqual([expect.stringContaining('has no transparency')]);
    expect(iconProblems('color', 'color.png', pngWithChunks([ihdr(192, 2), iend]))).toEqual([]);
    expect(iconProblems('outline', 'outline.png', pngWithChunks([ihdr(32, 3), { type: 'tRNS', data: [0] }, iend]))).toEqual([]);
  });

  it('refuses a PNG whose first chunk is not IHDR, or that is cut short', () => {
    expect(readPngHeader(pngWithChunks([iend, ihdr(32, 6)]))).toBe('is not a valid PNG (the first chunk is not IHDR)');
    expect(readPngHeader(outlineIcon.subarray(0, 40))).toMatch(/^is a truncated PNG/);
  });
});
