import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../core/commands.js';
import {
  MANIFEST_DIR,
  PackagingError,
  buildAppPackage,
  checkIcons,
  decodePng,
  fillManifest,
  listPlaceholders,
  loadEnv,
  parseEnvFile,
  readManifestTemplate,
  readPngHeader,
  languageFiles,
  validateLanguageFile,
  validateManifest,
} from '../scripts/package-app.js';

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  developer?: unknown;
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
  configurableTabs: {
    configurationUrl: string;
    scopes: string[];
    canUpdateConfiguration: boolean;
    context: string[];
  }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

const template = readManifestTemplate();
const localVars = loadEnv('local');
const filled = (): Manifest => fillManifest(template, localVars) as Manifest;

describe('manifest template', () => {
  it('uses exactly the documented placeholders', () => {
    expect(listPlaceholders(template).sort()).toEqual(
      [
        'AAD_APP_CLIENT_ID',
        'APP_NAME_SUFFIX',
        'BOT_DOMAIN',
        'BOT_ID',
        'DEVELOPER_NAME',
        'DEVELOPER_PRIVACY_URL',
        'DEVELOPER_TERMS_URL',
        'DEVELOPER_WEBSITE_URL',
        'TEAMS_APP_ID',
      ].sort(),
    );
  });

  it('takes the developer name and URLs from the environment (each school publishes its own)', () => {
    expect(filled().developer).toEqual({
      name: localVars.DEVELOPER_NAME,
      websiteUrl: localVars.DEVELOPER_WEBSITE_URL,
      privacyUrl: localVars.DEVELOPER_PRIVACY_URL,
      termsOfUseUrl: localVars.DEVELOPER_TERMS_URL,
    });
    const dev = loadEnv('dev');
    for (const name of ['DEVELOPER_NAME', 'DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL'])
      expect(dev).toHaveProperty(name, '');
  });

  it('fills every placeholder from env/.env.local', () => {
    const text = JSON.stringify(filled());
    expect(text).not.toMatch(/\$\{\{/);
    const m = filled();
    expect(m.id).toBe(localVars.TEAMS_APP_ID);
    expect(m.bots[0]?.botId).toBe(localVars.BOT_ID);
    expect(m.name.short).toBe('Belonglocal');
    expect(m.validDomains).toEqual(['localhost:3978']);
    expect(m.webApplicationInfo).toEqual({
      id: localVars.AAD_APP_CLIENT_ID,
      resource: `api://localhost:3978/${localVars.AAD_APP_CLIENT_ID}`,
    });
  });

  it('lists every unfilled placeholder in one clear error', () => {
    const vars = { ...localVars, BOT_ID: '', BOT_DOMAIN: undefined };
    let error: unknown;
    try {
      fillManifest(template, vars);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackagingError);
    expect((error as PackagingError).details).toEqual(['${{BOT_ID}}', '${{BOT_DOMAIN}}']);
    expect((error as Error).message).toContain('Unfilled manifest placeholders');
  });

  it('escapes values so they cannot break the JSON', () => {
    const m = fillManifest(template, {
      ...localVars,
      APP_NAME_SUFFIX: ' "quoted" \\ test',
    }) as Manifest;
    expect(m.name.short).toBe('Belong "quoted" \\ test');
  });

  it('parses env files: comments, blank lines, quotes', () => {
    expect(parseEnvFile('# c\n\nA=1\nB = "two words"\nC=x # trailing\nD=\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x',
      D: '',
    });
  });
});

describe('schema validation', () => {
  it('the filled local manifest validates against the v1.30 schema', () => {
    const result = validateManifest(filled());
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ valid: true, manifestVersion: '1.30' });
  });

  it('a manifest without "developer" fails with a readable error', () => {
    const m = filled();
    delete m.developer;
    const result = validateManifest(m);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain("(manifest root): must have required property 'developer'");
  });

  it('names the offending path and the allowed values', () => {
    const m = filled();
    m.bots[0]!.scopes = ['team', 'classroom'];
    const result = validateManifest(m);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(
      /\/bots\/0\/scopes\/1: must be equal to one of the allowed values \(team, personal, groupChat, copilot\)/,
    );
  });
});

describe('manifest contents', () => {
  const m = filled();
  const bot = m.bots[0]!;
  const commandsFor = (scope: string): string[] =>
    bot.commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];

  it('has one bot in team, groupChat and personal scopes that does not take files', () => {
    expect(m.bots).toHaveLength(1);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
  });

  it('lists exactly the commands the bot answers in each scope, each short and described', () => {
    for (const scope of ['team', 'personal', 'groupChat'] as const) {
      expect(commandsFor(scope)).toEqual(
        commands.filter((c) => c.scopes.includes(scope)).map((c) => c.name),
      );
    }
    for (const list of bot.commandLists) {
      expect(list.scopes).toHaveLength(1);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it('never promises secrecy', () => {
    expect(template).not.toMatch(
      /confidential|\bsecret|won't tell|will not tell|no one will know/i,
    );
    expect(template).toContain('This is not anonymous');
  });

  it('has one configurable class tab for team channels', () => {
    expect(m.configurableTabs).toEqual([
      {
        id: 'classTab',
        configurationUrl: 'https://localhost:3978/tab/config',
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
  });

  it('has the personal tabs, the bot chat and About', () => {
    const tabs = m.staticTabs.map((t) => [t.entityId, t.name, t.contentUrl]);
    // No Safeguarding tab: every pupil would see it, and it works only for the DSL and deputies,
    // who reach the inbox from Home (decision record 024).
    expect(tabs).toEqual([
      ['conversations', undefined, undefined],
      ['me', 'Home', 'https://localhost:3978/tab/#/me'],
      ['rota', 'Rota', 'https://localhost:3978/tab/#/rota'],
      ['about', undefined, undefined],
    ]);
    for (const tab of m.staticTabs) expect(tab.scopes).toEqual(['personal']);
  });

  it('asks for exactly the RSC permissions the Graph directory uses, each justified in docs/deploy.md', () => {
    // TeamMember.Read.Group: GET /teams/{id}/members; TeamSettings.Read.Group: GET /teams/{id}
    // (its specialization says whether it is a class). Nothing reads channel settings.
    expect(m.authorization.permissions.resourceSpecific).toEqual([
      { name: 'TeamMember.Read.Group', type: 'Application' },
      { name: 'TeamSettings.Read.Group', type: 'Application' },
    ]);
    const docs = readFileSync(path.join(MANIFEST_DIR, '../docs/deploy.md'), 'utf8');
    for (const { name } of m.authorization.permissions.resourceSpecific)
      expect(docs).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|\\s*\\w.{20,}`));
  });
});

describe('the Welsh language file (manifest/cy.json)', () => {
  const m = filled();
  const cy = fillManifest(
    readFileSync(path.join(MANIFEST_DIR, 'cy.json'), 'utf8'),
    localVars,
  ) as Record<string, string>;

  it('is named in localizationInfo, English being the default', () => {
    expect(languageFiles(m)).toEqual(['cy.json']);
    expect((m as unknown as { localizationInfo: unknown }).localizationInfo).toEqual({
      defaultLanguageTag: 'en-gb',
      additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }],
    });
  });

  it('validates against the v1.30 Localization schema, and every key names text the manifest has', () => {
    expect(validateLanguageFile(m, cy)).toEqual([]);
    expect(validateLanguageFile(m, { ...cy, 'staticTabs[9].name': 'Dim' })).toEqual([
      'staticTabs[9].name: the manifest has no such text to translate',
    ]);
    expect(validateLanguageFile(m, { ...cy, 'name.short': 'x'.repeat(31) }).join('\n')).toMatch(
      /\/name\.short: must NOT have more than 30 characters/,
    );
  });

  it('translates the name, both descriptions, the features, the tab names and every command description', () => {
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full'])
      expect(cy[key]?.length ?? 0).toBeGreaterThan(0);
    m.bots[0]!.commandLists.forEach((list, l) =>
      list.commands.forEach((_c, c) =>
        expect(cy).toHaveProperty([`bots[0].commandLists[${l}].commands[${c}].description`]),
      ),
    );
    for (const [i, tab] of m.staticTabs.entries())
      if (tab.name) expect(cy).toHaveProperty([`staticTabs[${i}].name`]);
    expect(cy['name.short']).toBe('Perthyn');
  });

  it('has no ${{VAR}} placeholders (whether the toolkit fills them in language files is not checked here)', () => {
    expect(listPlaceholders(readFileSync(path.join(MANIFEST_DIR, 'cy.json'), 'utf8'))).toEqual([]);
  });

  it('keeps command words the bot answers: English ones, and siarad for talk', () => {
    const titles = Object.entries(cy).filter(([k]) => k.endsWith('.title') && k.startsWith('bots'));
    expect(titles).toEqual([['bots[0].commandLists[1].commands[1].title', 'siarad']]);
    expect(m.bots[0]!.commandLists[1]!.commands[1]!.title).toBe('talk');
  });

  it('never promises secrecy, and says asking to talk is not anonymous', () => {
    const text = JSON.stringify(cy);
    expect(text).not.toMatch(/cyfrinach|cyfrinachol/i);
    expect(cy['description.full']).toContain('Nid yw hyn yn ddienw');
  });
});

describe('icons', () => {
  it('color.png is 192×192 and outline.png is 32×32', () => {
    const color = readPngHeader(readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    const outline = readPngHeader(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(checkIcons()).toEqual([]);
  });

  it('outline.png is white on transparent: every pixel white, alpha varies', () => {
    const image = decodePng(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    const alphas = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) {
      expect([image.data[i], image.data[i + 1], image.data[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(image.data[i + 3]!);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
    expect(alphas.size).toBeGreaterThan(2); // anti-aliased edges
  });

  it('color.png is opaque and uses the accent colour as its background', () => {
    const image = decodePng(readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    for (let i = 3; i < image.data.length; i += 4) expect(image.data[i]).toBe(255);
    const accent = (JSON.parse(template) as { accentColor: string }).accentColor;
    const corner = [...image.data.subarray(0, 3)]
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('');
    expect(`#${corner}`.toUpperCase()).toBe(accent.toUpperCase());
  });
});

describe('packaging', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'belong-package-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes appPackage.<env>.zip with exactly manifest.json, cy.json, color.png and outline.png', async () => {
    const { zipPath } = await buildAppPackage({ envName: 'local', outDir });
    expect(path.basename(zipPath)).toBe('appPackage.local.zip');
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const files = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(files).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const cy = JSON.parse(await zip.file('cy.json')!.async('string')) as Record<string, string>;
    expect(cy['name.short']).toBe('Perthyn');
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(validateManifest(manifest).valid).toBe(true);
    expect(manifest.id).toBe(localVars.TEAMS_APP_ID);
    const color = await zip.file('color.png')!.async('uint8array');
    expect(Buffer.from(color).equals(readFileSync(path.join(MANIFEST_DIR, 'color.png')))).toBe(
      true,
    );
  });

  it('refuses to package the dev environment before provisioning fills its ids', async () => {
    await expect(buildAppPackage({ envName: 'dev', outDir })).rejects.toThrow(
      /Unfilled manifest placeholders[\s\S]*\$\{\{TEAMS_APP_ID\}\}/,
    );
  });

  it('refuses an invalid manifest and lists the schema errors', async () => {
    await expect(
      buildAppPackage({ envName: 'local', outDir, vars: { ...localVars, BOT_ID: 'not-a-guid' } }),
    ).rejects.toThrow(
      /does not match the v1\.30 schema:[\s\S]*\/bots\/0\/botId: must match pattern/,
    );
  });
});
