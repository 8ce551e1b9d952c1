/**
 * Stages what App Service runs: `npm run package:deploy [-- --skip-build] [--zip]`.
 *
 * 1. builds (the tab with Vite, the server with tsc) unless --skip-build,
 * 2. copies into build/deploy only the compiled server and the built tab (no source maps),
 *    package.json and package-lock.json,
 * 3. installs the production dependencies there (`npm ci --omit=dev`): the tab's libraries are
 *    devDependencies, because Vite bundles them into tab/dist and the server never imports them,
 * 4. refuses if anything that must never ship is there (.data/, .env files, env/*.user),
 * 5. with --zip, writes build/belong-deploy.zip and prints its size.
 *
 * teamsapp.yml's azureAppService/zipDeploy then uploads build/deploy (decision 027).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(ROOT_DIR, 'build', 'deploy');

/** Paths (relative, with `/`) that must never be in the package: local data and secrets. */
export function forbiddenPaths(files: readonly string[]): string[] {
  return files.filter((f) =>
    /(^|\/)\.data(\/|$)|(^|\/)\.env([./]|$)|(^|\/)env\/[^/]*\.user$|\.user$|(^|\/)\.git(\/|$)/.test(
      f,
    ),
  );
}

/** Every file under `dir`, relative, with `/` separators. */
export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Package names the compiled server imports (bare specifiers; Node built-ins left out). */
export function serverImports(serverDir: string): string[] {
  const names = new Set<string>();
  const builtins = new Set(builtinModules);
  // Import and export statements, dynamic imports and requires; specifiers are single tokens.
  const specifier =
    /(?:^\s*(?:import|export)\b[^;]*?\bfrom\s*|^\s*import\s*|\bimport\(\s*|\b(?:require|requireCommonJs)\(\s*)['"]([\w@./:-]+)['"]/gm;
  for (const file of listFiles(serverDir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(serverDir, file), 'utf8');
    for (const m of text.matchAll(specifier)) {
      const spec = m[1]!;
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : spec.split('/')[0]!;
      if (!builtins.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}

export interface StageOptions {
  outDir?: string;
  /** The compiled server to ship; default build/server (what `npm run build` writes). */
  serverBuildDir?: string;
  build?: boolean;
  install?: boolean;
}

export function stage(options: StageOptions = {}): { outDir: string; files: string[] } {
  const outDir = options.outDir ?? DEFAULT_OUT;
  const run = (cmd: string, args: string[], cwd: string) =>
    execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (options.build !== false) run('npm', ['run', 'build'], ROOT_DIR);
  const serverBuildDir = options.serverBuildDir ?? path.join(ROOT_DIR, 'build/server');
  for (const needed of [
    path.join(serverBuildDir, 'server/main.js'),
    path.join(ROOT_DIR, 'tab/dist/index.html'),
  ])
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm run build first`);

  rmSync(outDir, { recursive: true, force: true });
  cpSync(serverBuildDir, path.join(outDir, 'build/server'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map') && !src.endsWith('.tsbuildinfo'),
  });
  cpSync(path.join(ROOT_DIR, 'tab/dist'), path.join(outDir, 'tab/dist'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map'),
  });
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(path.join(ROOT_DIR, file), path.join(outDir, file));

  const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const unlisted = serverImports(path.join(outDir, 'build/server')).filter(
    (name) => !(name in pkg.dependencies),
  );
  if (unlisted.length > 0)
    throw new Error(
      `The server imports packages that are not dependencies: ${unlisted.join(', ')}`,
    );

  if (options.install !== false)
    run(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
      outDir,
    );

  const files = listFiles(outDir);
  const bad = forbiddenPaths(files);
  if (bad.length > 0) throw new Error(`These must never ship:\n  ${bad.join('\n  ')}`);
  return { outDir, files };
}

/** Zips a staged folder (as zipDeploy would) and returns the zip's path and size in bytes. */
export async function zipFolder(dir: string, zipPath: string): Promise<number> {
  const zip = new JSZip();
  for (const file of listFiles(dir)) zip.file(file, readFileSync(path.join(dir, file)));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  writeFileSync(zipPath, bytes);
  return statSync(zipPath).size;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { outDir, files } = stage({ build: !argv.includes('--skip-build') });
  console.log(`Staged ${files.length} files in ${path.relative(process.cwd(), outDir)}.`);
  if (argv.includes('--zip')) {
    const zipPath = path.join(path.dirname(outDir), 'belong-deploy.zip');
    const size = await zipFolder(outDir, zipPath);
    console.log(`${path.relative(process.cwd(), zipPath)}: ${(size / 1024 / 1024).toFixed(1)} MB`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(1);
  });
}
