/**
 * The App Service package (scripts/deploy-package.ts, teamsapp.yml's deploy): only what runs —
 * the compiled server, the built tab, production dependencies — and never local data or env
 * files. Before, the deploy zipped the whole repository after `npm ci` (about 890 MB) including
 * .data/ (local demo data and a local bot password).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT_DIR, forbiddenPaths, serverImports, stage } from '../../scripts/deploy-package.js';
import { freePort } from '../support/ports.js';
import { untilServing } from '../support/stack.js';
import { spawnChild } from '../support/process.js';
import { uniquePrefix } from '../support/tables.js';
import { compiledServer } from './app-service.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const tabOnly = [
  '@fluentui/react-components',
  '@microsoft/teams-js',
  'adaptivecards',
  'react',
  'react-dom',
];
const work = mkdtempSync(path.join(tmpdir(), 'belong-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let serverBuild: string;
beforeAll(async () => {
  serverBuild = await compiledServer();
}, 180_000);

describe('what may ship', () => {
  it('never .data/, .env files, env/*.user or .git', () => {
    expect(
      forbiddenPaths([
        '.data/azurite/x.json',
        'build/.data/x',
        '.env',
        '.env.local',
        'env/.env.dev',
        'env/.env.dev.user',
        '.git/HEAD',
        'build/server/server/main.js',
        'tab/dist/index.html',
        'node_modules/dotenv/lib/env-options.js',
      ]),
    ).toEqual([
      '.data/azurite/x.json',
      'build/.data/x',
      '.env',
      '.env.local',
      'env/.env.dev',
      'env/.env.dev.user',
      '.git/HEAD',
    ]);
  });

  it('the tab libraries are devDependencies: Vite bundles them, the server never imports them', () => {
    for (const name of tabOnly) {
      expect(pkg.dependencies).not.toHaveProperty(name);
      expect(pkg.devDependencies).toHaveProperty(name);
    }
    // Every production dependency is one the compiled server imports, and nothing else is.
    expect(serverImports(serverBuild)).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('refuses to stage a server that imports a package it does not list', () => {
    const fake = path.join(work, 'fake-server');
    mkdirSync(fake, { recursive: true });
    writeFileSync(
      path.join(fake, 'a.js'),
      "import React from 'react';\nimport { x } from './b.js';\nconst s = 'from \"nowhere\"';\n",
    );
    expect(serverImports(fake)).toEqual(['react']);
  });
});

describe('the staged package', () => {
  const outDir = path.join(work, 'deploy');
  let files: string[] = [];

  beforeAll(() => {
    // The repository has a .data/ (local demo data, a local bot password) and env files; none of
    // it may be copied.
    ({ files } = stage({ outDir, serverBuildDir: serverBuild, build: false, install: true }));
  }, 300_000);

  it('holds the compiled server, the built tab, package.json and the lock file, and no sources', () => {
    expect(files).toContain('build/server/server/main.js');
    expect(files).toContain('tab/dist/index.html');
    expect(files).toContain('package.json');
    expect(files).toContain('package-lock.json');
    expect(forbiddenPaths(files)).toEqual([]);
    const ours = files.filter((f) => !f.startsWith('node_modules/'));
    expect(ours.filter((f) => f.endsWith('.map') || /\.tsx?$/.test(f))).toEqual([]);
    expect(
      files.filter((f) => /^(tests|docs|bench|scripts|env|core|bot|server|tab\/src)\//.test(f)),
    ).toEqual([]);
  });

  it('has production dependencies only: no tab library, no test tool', () => {
    const installed = new Set(
      files
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) => {
          const parts = f.split('/');
          return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
        }),
    );
    for (const name of [...tabOnly, 'vitest', 'typescript', 'azurite', 'playwright-core', 'vite'])
      expect(installed.has(name), name).toBe(false);
    for (const name of Object.keys(pkg.dependencies)) expect(installed.has(name), name).toBe(true);
  });

  it('starts from its own folder with only those dependencies, and serves the tab', async () => {
    const port = await freePort();
    const child = spawnChild(process.execPath, ['build/server/server/main.js'], {
      cwd: outDir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        STORAGE_CONNECTION_STRING: inject('azurite').connectionString,
        TABLE_PREFIX: uniquePrefix(),
        DEMO_SEED: 'false',
        DELIVERY_WORKER: 'false',
        SCHEDULER_WORKER: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await untilServing(child, url, 'staged server');
      const tab = await fetch(`${url}/tab/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('<div id="root"');
    } finally {
      await child.stop('SIGTERM');
    }
  });

  it('is small: under 250 MB unzipped (the repository after npm ci was about 890 MB)', () => {
    // `npm run package:deploy -- --zip` prints the zipped size (decision 027 records it).
    const bytes = files.reduce((sum, f) => sum + statSync(path.join(outDir, f)).size, 0);
    expect(bytes).toBeLessThan(250 * 1024 * 1024);
  });
});
