/**
 * Renders manifest/icon-color.svg → manifest/color.png (192×192) and
 * manifest/icon-outline.svg → manifest/outline.png (32×32, white on transparent)
 * with playwright-core driving the Debian Chromium: `npx tsx scripts/render-icons.ts`.
 *
 * The screenshots are decoded and re-encoded so the output is deterministic: the colour icon is
 * made fully opaque, and every pixel of the outline is set to pure white keeping only its alpha
 * (anti-aliased edges from Chromium can otherwise come out a shade off white).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.js';
import { MANIFEST_DIR, decodePng, type RgbaImage } from './package-app.js';

interface IconJob {
  svg: string;
  png: string;
  size: number;
  transparent: boolean;
}

const JOBS: IconJob[] = [
  { svg: 'icon-color.svg', png: 'color.png', size: 192, transparent: false },
  { svg: 'icon-outline.svg', png: 'outline.png', size: 32, transparent: true },
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** Encodes an RGBA image as an 8-bit RGBA PNG (filter 0 on every row). */
export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(image.data.buffer, image.data.byteOffset + y * stride, stride).copy(
      raw,
      y * (stride + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function normalise(image: RgbaImage, transparent: boolean): RgbaImage {
  const data = new Uint8Array(image.data);
  for (let i = 0; i < data.length; i += 4) {
    if (transparent) {
      data[i] = 255;
      data[i + 1] = 255;
      data[i + 2] = 255;
    } else {
      data[i + 3] = 255;
    }
  }
  return { ...image, data };
}

export async function renderIcons(manifestDir = MANIFEST_DIR): Promise<string[]> {
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const job of JOBS) {
      const page = await browser.newPage({
        viewport: { width: job.size, height: job.size },
        deviceScaleFactor: 1,
      });
      const svg = readFileSync(path.join(manifestDir, job.svg), 'utf8');
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
      );
      const shot = await page.screenshot({
        clip: { x: 0, y: 0, width: job.size, height: job.size },
        omitBackground: job.transparent,
        type: 'png',
      });
      await page.close();
      const image = normalise(decodePng(shot), job.transparent);
      if (image.width !== job.size || image.height !== job.size) {
        throw new Error(
          `${job.png}: rendered ${image.width}×${image.height}, expected ${job.size}`,
        );
      }
      const file = path.join(manifestDir, job.png);
      writeFileSync(file, encodePng(image));
      written.push(file);
    }
  } finally {
    await browser.close();
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  renderIcons()
    .then((files) => files.forEach((f) => console.log(`Wrote ${path.relative(process.cwd(), f)}`)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
