/**
 * The compiled server (tsconfig.build.json, started with `npm run serve`'s node flags) with
 * exactly the app settings infra/azure.bicep gives it, plus what App Service Linux sets (PORT,
 * WEBSITE_HOSTNAME, WEBSITE_SITE_NAME), under this machine's Node and under the Node LTS App
 * Service runs. Two stand-ins only, because neither exists off Azure: Azurite instead of the
 * storage account reached by managed identity, and the Key Vault reference already resolved.
 */
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/ports.js';
import { untilServing } from '../support/stack.js';
import { spawnChild, type Child } from '../support/process.js';
import { uniquePrefix } from '../support/tables.js';
import { appServiceEnv, compiledServer, ids, pseudonymSecret, repo } from './app-service.js';
import { deployedNodeMajor, installDeployedNode, type LtsNode } from './lts-node.js';

let deployedNode: LtsNode;
let serverBuild: string;

beforeAll(async () => {
  serverBuild = await compiledServer();
  deployedNode = installDeployedNode();
}, 300_000);

async function startAsDeployed(node: string): Promise<{ url: string; child: Child }> {
  const port = await freePort();
  const settings = appServiceEnv();
  // The storage account is reached by managed identity on Azure; here, the suite's Azurite.
  delete settings.STORAGE_ACCOUNT_URL;
  const child = spawnChild(
    node,
    ['--max-old-space-size=1024', path.join(serverBuild, 'server/main.js')],
    {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        ...settings,
        PORT: String(port),
        STORAGE_CONNECTION_STRING: inject('azurite').connectionString,
        TABLE_PREFIX: uniquePrefix(),
        LOG_LEVEL: 'info',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await untilServing(child, url);
  return { url, child };
}

async function checkRunsAsDeployed(node: string): Promise<void> {
  const { url, child } = await startAsDeployed(node);
  try {
    const config = await (await fetch(`${url}/api/config`)).json();
    expect(config).toEqual({ mode: 'production', clientId: ids.aadApp });
    // Production: no dev sign-in route (it falls to the API's sign-in check), and the tab API
    // wants an Entra token.
    expect((await fetch(`${url}/api/dev/token`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    const tab = await fetch(`${url}/`);
    expect(tab.status).toBe(200);
    // Listening on every interface: reachable at this machine's own address, not only loopback.
    const port = new URL(url).port;
    expect(child.output()).toContain(`"url":"http://0.0.0.0:${port}"`);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal);
    if (external)
      expect((await fetch(`http://${external.address}:${port}/api/health`)).ok).toBe(true);
    expect(child.output()).not.toContain(pseudonymSecret);
  } finally {
    await child.stop('SIGTERM');
  }
}

describe('the compiled server with the Bicep app settings', () => {
  it(`starts under this machine's Node (${process.version})`, async () => {
    await checkRunsAsDeployed(process.execPath);
  });

  it(`starts under Node ${deployedNodeMajor}, the LTS App Service runs`, async (ctx) => {
    if (!deployedNode.ok) {
      // Said out loud, never silent: this variant needs the npm registry once per machine.
      console.warn(`SKIPPED the Node ${deployedNodeMajor} variant: ${deployedNode.reason}`);
      ctx.skip();
      return;
    }
    expect(deployedNode.version).toMatch(new RegExp(`^v${deployedNodeMajor}\\.`));
    await checkRunsAsDeployed(deployedNode.node);
  });
});
