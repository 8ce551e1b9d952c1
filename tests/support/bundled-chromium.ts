/**
 * The Chromium shipped inside the npm package @sparticuz/chromium, for machines without Debian's
 * (see browser.ts). The package's own `executablePath()` unpacks to a fixed /tmp/chromium shared
 * by every version and written in place (two test workers starting at once could run a
 * half-written file), and sets up fonts only on AWS Lambda. So it is unpacked here instead: into
 * a folder per version, renamed into place when complete, with the Amazon Linux libraries it ships
 * (NSS, which a machine without a browser may lack), its Open Sans, and Noto Color Emoji from npm.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, inflateSync } from 'node:zlib';
import { extract } from 'tar-fs';
import type { ChosenChromium } from './browser.js';

const require = createRequire(import.meta.url);

export async function bundledChromium(why: string): Promise<ChosenChromium> {
  const packageDir = dirname(dirname(require.resolve('@sparticuz/chromium')));
  const emojiWoff =
    require.resolve('@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff');
  const versions = [packageDir, resolve(dirname(emojiWoff), '..')].map(
    async (dir) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).version as string,
  );
  const [version, emojiVersion] = await Promise.all(versions);
  const dir = join(tmpdir(), `belong-chromium-${version}-emoji-${emojiVersion}`);
  if (!existsSync(dir)) await unpack(join(packageDir, 'bin'), emojiWoff, dir);
  return {
    description: `the Chromium bundled in @sparticuz/chromium ${version}`,
    notes: [why, `unpacked in ${dir}`],
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

async function unpack(bin: string, emojiWoff: string, dir: string): Promise<void> {
  const partial = await mkdtemp(`${dir}.partial-`);
  try {
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    // lib/ (NSS, NSPR, expat); fonts/Open_Sans/ (its fonts.conf is for Lambda and is replaced).
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      await pipeline(
        createReadStream(join(bin, archive)),
        createBrotliDecompress(),
        extract(partial),
      );
    }
    await writeFile(
      join(partial, 'fonts', 'NotoColorEmoji.ttf'),
      woffToSfnt(await readFile(emojiWoff)),
    );
    await writeFile(join(partial, 'fonts.conf'), fontsConf(dir));
    await chmod(partial, 0o755);
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another process may have finished the same unpacking first.
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}

/**
 * Open Sans and Noto Color Emoji for every generic family, so text and emoji show on a machine
 * with no fonts at all; where the machine has fonts, Chromium may still pick one of them (such as
 * Liberation Sans for Helvetica) and falls back on them for what ours lack (arrows).
 */
function fontsConf(dir: string): string {
  const prefer = '<prefer><family>Open Sans</family><family>Noto Color Emoji</family></prefer>';
  const aliases = ['sans-serif', 'serif', 'monospace', 'system-ui']
    .map((family) => `  <alias><family>${family}</family>${prefer}</alias>`)
    .join('\n');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
${aliases}
</fontconfig>
`;
}

/**
 * WOFF 1.0 to a TrueType/OpenType file: the same tables, inflated. Fontconfig does not read WOFF,
 * and the emoji font on npm comes only as WOFF and WOFF2.
 */
function woffToSfnt(woff: Buffer): Buffer {
  const count = woff.readUInt16BE(12);
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the font's own version tag (flavor)
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE((count - power) * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20; // tag, offset, compressed length, length, checksum
    const record = 12 + i * 16; // tag, checksum, offset, length
    const at = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(at, at + compressed);
    const table = compressed < length ? inflateSync(stored) : stored;
    woff.copy(header, record, entry, entry + 4);
    header.writeUInt32BE(woff.readUInt32BE(entry + 16), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(length, record + 12);
    const padding = Buffer.alloc((4 - (length % 4)) % 4);
    parts.push(table, padding);
    offset += length + padding.length;
  }
  return Buffer.concat(parts);
}
