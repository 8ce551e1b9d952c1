/**
 * Builds the Teams app package: `npm run package -- --env local [--out build]`.
 *
 * 1. reads env/.env.<env> (and env/.env.<env>.user when present),
 * 2. fills the `${{VAR}}` placeholders in manifest/manifest.json (fails listing every unfilled one),
 * 3. validates the result against the matching schema shipped offline in @microsoft/app-manifest,
 * 4. checks the icons (192×192 colour, 32×32 outline that is white on transparent),
 * 5. fills and validates each language file (localizationInfo; the Localization schema),
 * 6. writes <out>/appPackage.<env>.zip with manifest.json, the language files, color.png and
 *    outline.png at the root.
 *
 * Every step is an exported function so tests can use them without touching the file system.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import AjvDraft04Module from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import JSZip from 'jszip';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = path.join(ROOT_DIR, 'manifest');
export const ENV_DIR = path.join(ROOT_DIR, 'env');
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;
export type IconName = keyof typeof ICON_SIZES;

/** Placeholders that may be set to an empty string (e.g. no name suffix in production). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PackagingError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(
      details.length > 0 ? `${message}\n${details.map((d) => `  - ${d}`).join('\n')}` : message,
    );
    this.name = 'PackagingError';
  }
}

// ---------------------------------------------------------------------------------------------
// Environment files

/** Parses simple KEY=VALUE lines; `#` starts a comment line; optional matching quotes are removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else {
      const comment = value.search(/\s#/);
      if (comment >= 0) value = value.slice(0, comment).trimEnd();
    }
    vars[key] = value;
  }
  return vars;
}

/** Reads env/.env.<env> (required) and env/.env.<env>.user (optional, overrides). */
export function loadEnv(envName: string, envDir = ENV_DIR): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(envName))
    throw new PackagingError(`Invalid environment name "${envName}".`);
  const file = path.join(envDir, `.env.${envName}`);
  if (!existsSync(file)) throw new PackagingError(`Environment file not found: ${file}`);
  const vars = parseEnvFile(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if (existsSync(userFile)) Object.assign(vars, parseEnvFile(readFileSync(userFile, 'utf8')));
  return vars;
}

// ---------------------------------------------------------------------------------------------
// Placeholders

/** Names of all `${{VAR}}` placeholders in a template, in first-seen order. */
export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces `${{VAR}}` placeholders inside a JSON template (values are JSON-string escaped) and
 * parses the result. Throws a PackagingError naming every placeholder that is not set (or is
 * empty, unless it is in MAY_BE_EMPTY).
 */
export function fillManifest(template: string, vars: Record<string, string | undefined>): unknown {
  const missing = listPlaceholders(template).filter((name) => {
    const value = vars[name];
    return value === undefined || (value === '' && !MAY_BE_EMPTY.has(name));
  });
  if (missing.length > 0) {
    throw new PackagingError(
      'Unfilled manifest placeholders (set them in env/.env.<env> or env/.env.<env>.user):',
      missing.map((name) => `\${{${name}}}`),
    );
  }
  const filled = template.replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(vars[name] ?? '').slice(1, -1),
  );
  return JSON.parse(filled) as unknown;
}

export function readManifestTemplate(manifestDir = MANIFEST_DIR): string {
  return readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Schema validation (offline, draft-04 schemas from @microsoft/app-manifest)

type AjvInstance = {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: (value: string) => boolean): unknown;
};
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
// ajv-draft-04 is CommonJS with `exports.default`; under NodeNext the default import is the module.
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: AjvConstructor }).default ??
  AjvDraft04Module) as unknown as AjvConstructor;

const validators = new Map<string, ValidateFunction>();

export type SchemaKind = 'manifest' | 'localization';
const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Path of the Teams manifest (or language file) schema for a manifestVersion ("1.30" → .../teams/v1.30/...). */
export function schemaPathFor(manifestVersion: string, kind: SchemaKind = 'manifest'): string {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) {
    throw new PackagingError(`Unsupported manifestVersion "${manifestVersion}".`);
  }
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const file = path.join(pkgDir, 'build', 'json-schemas', 'teams', folder, SCHEMA_FILES[kind]);
  if (!existsSync(file)) {
    throw new PackagingError(
      `No schema for manifestVersion "${manifestVersion}" in @microsoft/app-manifest.`,
    );
  }
  return file;
}

function validatorFor(manifestVersion: string, kind: SchemaKind = 'manifest'): ValidateFunction {
  const key = `${kind}@${manifestVersion}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaPathFor(manifestVersion, kind), 'utf8')) as object;
  // strict: false because Microsoft's schemas use a few keywords ajv's strict mode rejects.
  // The Localization schema's patterns have a bare `]`, which only non-unicode regexps accept.
  const ajv = new AjvDraft04({
    allErrors: true,
    strict: false,
    ...(kind === 'localization' ? { unicodeRegExp: false } : {}),
  });
  ajv.addFormat('uri', (value) => URL.canParse(value));
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

/** One readable line per ajv error, e.g. `/bots/0/scopes/1: must be equal to one of the allowed values (team, personal, groupChat, copilot)`. */
export function formatSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(manifest root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (typeof params.additionalProperty === 'string') detail = ` "${params.additionalProperty}"`;
  else if (Array.isArray(params.allowedValues)) detail = ` (${params.allowedValues.join(', ')})`;
  else if (typeof params.pattern === 'string') detail = ` ${params.pattern}`;
  return `${where}: ${error.message ?? 'is invalid'}${detail}`;
}

export interface ValidationResult {
  valid: boolean;
  manifestVersion: string | undefined;
  errors: string[];
}

/** Validates a filled manifest against the schema named by its own manifestVersion. */
export function validateManifest(manifest: unknown): ValidationResult {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { valid: false, manifestVersion: undefined, errors: ['manifest must be a JSON object'] };
  }
  const manifestVersion = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof manifestVersion !== 'string') {
    return {
      valid: false,
      manifestVersion: undefined,
      errors: ['(manifest root): must have required property "manifestVersion" (a string)'],
    };
  }
  const validate = validatorFor(manifestVersion);
  const valid = validate(manifest);
  const errors = valid ? [] : [...new Set((validate.errors ?? []).map(formatSchemaError))];
  return { valid, manifestVersion, errors };
}

/** The manifest's language files (`localizationInfo.additionalLanguages`), by file name. */
export function languageFiles(manifest: unknown): string[] {
  const info = (manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } })
    .localizationInfo;
  return (info?.additionalLanguages ?? []).map((l) => l.file);
}

/** Reads a path such as `bots[0].commandLists[1].commands[2].title` in the manifest. */
function valueAt(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Validates a filled language file against the Localization schema of the manifest's version, and
 * checks each key names a string the manifest really has (a key for a command or tab that is not
 * there would be ignored by Teams, silently leaving English).
 */
export function validateLanguageFile(manifest: unknown, language: unknown): string[] {
  const version = (manifest as { manifestVersion?: string }).manifestVersion ?? '';
  const validate = validatorFor(version, 'localization');
  const errors = validate(language) ? [] : (validate.errors ?? []).map(formatSchemaError);
  for (const key of Object.keys(language as object)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAt(manifest, key) !== 'string')
      errors.push(`${key}: the manifest has no such text to translate`);
  }
  return [...new Set(errors)];
}

// ---------------------------------------------------------------------------------------------
// PNG checks (header bytes for size; a tiny decoder for the outline's pixels)

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** Reads the IHDR chunk, which a valid PNG always has right after the 8-byte signature. */
export function readPngHeader(png: Uint8Array): PngHeader {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PackagingError('Not a PNG file (bad signature).');
  }
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new PackagingError('PNG has no IHDR chunk.');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf.readUInt8(24),
    colorType: buf.readUInt8(25),
    interlace: buf.readUInt8(28),
  };
}

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array;
}

/** Decodes 8-bit, non-interlaced RGB/RGBA/grey/grey+alpha PNGs (what Chromium writes) to RGBA. */
export function decodePng(png: Uint8Array): RgbaImage {
  const header = readPngHeader(png);
  const channelsByType: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
  const channels = channelsByType[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new PackagingError(
      `Unsupported PNG format (bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace}).`,
    );
  }
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= buf.length;) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const left = x >= channels ? (pixels[row + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[row - stride + x - channels] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[row + x] = (value + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const grey = channels <= 2;
    data[i * 4] = pixels[s] ?? 0;
    data[i * 4 + 1] = grey ? (pixels[s] ?? 0) : (pixels[s + 1] ?? 0);
    data[i * 4 + 2] = grey ? (pixels[s] ?? 0) : (pixels[s + 2] ?? 0);
    data[i * 4 + 3] =
      channels === 4 ? (pixels[s + 3] ?? 0) : channels === 2 ? (pixels[s + 1] ?? 0) : 255;
  }
  return { width, height, data };
}

/** Problems with the outline icon's pixels: every visible pixel must be white; it needs transparency. */
export function outlineProblems(image: RgbaImage): string[] {
  let nonWhite = 0;
  let transparent = 0;
  let opaque = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    const [r, g, b, a] = [0, 1, 2, 3].map((c) => image.data[i * 4 + c] ?? 0) as [
      number,
      number,
      number,
      number,
    ];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) nonWhite++;
    if (a === 255) opaque++;
  }
  const problems: string[] = [];
  if (nonWhite > 0) problems.push(`outline.png: ${nonWhite} visible pixel(s) are not pure white`);
  if (transparent === 0) problems.push('outline.png: has no transparent background');
  if (opaque === 0) problems.push('outline.png: has no fully opaque pixels');
  return problems;
}

/** Checks both icons exist, have the sizes Teams requires, and the outline is white on transparent. */
export function checkIcons(manifestDir = MANIFEST_DIR): string[] {
  const problems: string[] = [];
  for (const [name, size] of Object.entries(ICON_SIZES)) {
    const file = path.join(manifestDir, name);
    if (!existsSync(file)) {
      problems.push(`${name}: missing (run npx tsx scripts/render-icons.ts)`);
      continue;
    }
    const png = readFileSync(file);
    try {
      const { width, height, colorType } = readPngHeader(png);
      if (width !== size || height !== size) {
        problems.push(`${name}: is ${width}×${height}, must be ${size}×${size}`);
      }
      if (name === 'outline.png') {
        if (colorType !== 6 && colorType !== 4) {
          problems.push('outline.png: needs an alpha channel (transparent background)');
        } else {
          problems.push(...outlineProblems(decodePng(png)));
        }
      }
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Packaging

export interface PackageOptions {
  envName: string;
  /** Where the zip goes; default <repo>/build. */
  outDir?: string;
  /** Variables to use instead of reading env files. */
  vars?: Record<string, string>;
  envDir?: string;
  manifestDir?: string;
}

export interface PackageResult {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/** A fixed timestamp keeps the zip byte-identical for identical inputs. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const outDir = options.outDir ?? path.join(ROOT_DIR, 'build');
  const vars = options.vars ?? loadEnv(options.envName, options.envDir);

  const manifest = fillManifest(readManifestTemplate(manifestDir), vars);
  const result = validateManifest(manifest);
  if (!result.valid) {
    throw new PackagingError(
      `manifest.json does not match the v${result.manifestVersion ?? '?'} schema:`,
      result.errors,
    );
  }
  const iconProblems = checkIcons(manifestDir);
  if (iconProblems.length > 0) throw new PackagingError('Icon problems:', iconProblems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const file of languageFiles(manifest)) {
    const language = fillManifest(readFileSync(path.join(manifestDir, file), 'utf8'), vars);
    const problems = validateLanguageFile(manifest, language);
    if (problems.length > 0)
      throw new PackagingError(`${file} is not a valid language file:`, problems);
    zip.file(file, `${JSON.stringify(language, null, 2)}\n`, { date: ZIP_DATE });
  }
  for (const name of Object.keys(ICON_SIZES)) {
    zip.file(name, readFileSync(path.join(manifestDir, name)), { date: ZIP_DATE });
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    platform: 'UNIX',
  });
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, bytes);
  return { zipPath, manifest: manifest as Record<string, unknown> };
}

function parseArgs(argv: string[]): { envName: string; outDir?: string } {
  let envName = 'local';
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new PackagingError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--env' || flag === '-e') envName = value();
    else if (flag === '--out' || flag === '-o') outDir = path.resolve(value());
    else
      throw new PackagingError(
        `Unknown argument "${arg}". Usage: package-app --env <name> [--out <dir>]`,
      );
  }
  return outDir ? { envName, outDir } : { envName };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { zipPath, manifest } = await buildAppPackage(args);
  console.log(
    `Built ${path.relative(process.cwd(), zipPath)} (manifest v${String(manifest.manifestVersion)}, app ${String(manifest.id)}).`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof PackagingError ? `✖ ${error.message}` : error);
    process.exit(1);
  });
}
