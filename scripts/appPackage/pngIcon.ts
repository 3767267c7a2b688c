/**
 * Reads what Teams checks about app icons from a PNG's header: that the file is
 * a PNG at all, its size (IHDR), and whether it can be transparent (a colour
 * type with alpha, or a tRNS chunk).
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GREYSCALE_WITH_ALPHA = 4;
const RGB_WITH_ALPHA = 6;

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  hasTransparency: boolean;
}

export type IconKind = 'color' | 'outline';

/** Teams' sizes: a 192×192 colour icon, a 32×32 white outline on transparent. */
export const ICON_SIZES: Readonly<Record<IconKind, number>> = { color: 192, outline: 32 };

/** The header, or a sentence saying why the bytes are not a readable PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader | string {
  if (bytes.length < 8 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) return 'is not a PNG file (no PNG signature)';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Omit<PngHeader, 'hasTransparency'> | undefined;
  let hasTransparencyChunk = false;
  let ended = false;
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const dataStart = offset + 8;
    if (dataStart + length + 4 > bytes.length) return `is a truncated PNG (chunk ${type} runs past the end)`;
    if (header === undefined) {
      if (type !== 'IHDR' || length !== 13) return 'is not a valid PNG (the first chunk is not IHDR)';
      header = {
        width: view.getUint32(dataStart),
        height: view.getUint32(dataStart + 4),
        bitDepth: bytes[dataStart + 8]!,
        colorType: bytes[dataStart + 9]!,
      };
    }
    if (type === 'tRNS') hasTransparencyChunk = true;
    if (type === 'IEND') {
      ended = true;
      break;
    }
    offset = dataStart + length + 4;
  }
  if (header === undefined) return 'is not a valid PNG (no IHDR chunk)';
  if (!ended) return 'is a truncated PNG (no IEND chunk)';
  const alphaChannel = header.colorType === GREYSCALE_WITH_ALPHA || header.colorType === RGB_WITH_ALPHA;
  return { ...header, hasTransparency: alphaChannel || hasTransparencyChunk };
}

/** What is wrong with an icon, as sentences starting with its file name; empty when Teams will take it. */
export function iconProblems(kind: IconKind, fileName: string, bytes: Uint8Array): string[] {
  const header = readPngHeader(bytes);
  if (typeof header === 'string') return [`${fileName} ${header}`];
  const problems: string[] = [];
  const size = ICON_SIZES[kind];
  if (header.width !== size || header.height !== size) {
    problems.push(`${fileName} is ${header.width}×${header.height}; the ${kind} icon must be ${size}×${size}`);
  }
  if (kind === 'outline' && !header.hasTransparency) {
    problems.push(`${fileName} has no transparency; the outline icon must be white on a transparent background`);
  }
  return problems;
}
