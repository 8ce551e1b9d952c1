/**
 * Buddy requests through the bot (issue 17), at the HTTP edge: the real server on Azurite with the
 * demo school seeded on a fixed Tuesday (its rota filled), a recording connector, and no delivery
 * worker, so what would be sent is read from the outbox. What a pupil types and taps, and what
 * the ambassadors on duty would get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/directory.js';
import { RotaService } from '../../core/rota/rota-service.js';
import { seedDemoSchool } from '../../server/demo/seed.js';
import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';
import {
  cardAction,
  person,
  personalInstall,
  personalMessage,
  postActivity,
} from '../support/activities.js';
import { startApp, type AppHarness } from '../support/app-harness.js';
import { cardSchemaErrors } from '../support/card-schema.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';

/** Tuesday 24 November 2026, 10:00 in London: a school day, before break. */
const tuesday = new Date('2026-11-24T10:00:00Z');
const clock: Clock = { now: () => tuesday };
const tenantId = demoSchool.tenantId;
let app: AppHarness;
let connector: FakeConnector;

const amir = demoSchool.people.find((p) => p.displayName === 'Amir Hassan')!;
const teacher = person('teacher');
/** Every ambassador of the demo rota, as a person who can open a chat with Belong. */
const ambassadors: DemoPerson[] = demoSchool.rota.ambassadors.map(
  (a, i) =>
    demoSchool.people.find((p) => p.id === a.id) ?? {
      id: a.id,
      teamsId: `29:ambassador-${i}`,
      displayName: `Ambassador ${i}`,
      kind: 'ambassador',
      schoolRoles: ['ambassador'],
    },
);

type Card = Record<string, unknown>;

beforeAll(async () => {
  app = await startApp({}, { clock });
  connector = await startFakeConnector();
  // Seeded the day before: the demo rota is filled from the day after seeding.
  await seedDemoSchool(app.services, demoSchool, new Date('2026-11-23T09:00:00Z'), connector.url);
  for (const who of [...ambassadors, amir, teacher, person('dsl'), person('deputy_dsl')])
    await postActivity(app.url, personalInstall(connector.url, who));
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

async function type(who: DemoPerson, text: string): Promise<Card> {
  const before = connector.sent().length;
  await postActivity(app.url, personalMessage(connector.url, who, text));
  const sent = connector.sent();
  expect(sent.length).toBe(before + 1);
  const card = (sent.at(-1)!.activity as { attachments: { content: Card }[] }).attachments[0]!
    .content;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
}

async function tap(who: DemoPerson, data: Record<string, unknown>): Promise<Card> {
  const action = cardAction(connector.url, who, {
    action: { type: 'Action.Execute', verb: 'buddy.ask', data },
  });
  const res = (await postActivity(app.url, {
    ...action,
    conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  })) as { status: number; body: { value: Card } };
  expect(res.status).toBe(200);
  expect(cardSchemaErrors(res.body.value)).toEqual([]);
  return res.body.value;
}

const occurrence = `buddy:2026-11-24:${amir.id}:Lunch`;

describe('buddy requests in the bot', () => {
  it('`buddy` offers today’s breaks with ambassadors on duty, and a trusted adult instead', async () => {
    const card = JSON.stringify(await type(amir, 'buddy'));
    expect(card).toContain('Ask for a buddy');
    expect(card).toContain('Lunch (Buddy bench)');
    expect(card).toContain('talk.start');
    expect(card).not.toContain('Input.Text');
  });

  it('an unknown break gets the card again with what to do; nothing is queued', async () => {
    for (const data of [{ buddyPeriod: 'Tea time' }, {}, { buddyPeriod: 'x'.repeat(150) }]) {
      expect(JSON.stringify(await tap(amir, data))).toContain('Choose when you would like a buddy');
    }
    expect(await app.services.deliveries.deliveriesOf(tenantId, occurrence)).toEqual([]);
  });

  it('goes to the ambassadors on lunch duty with Amir’s first name and class, once', async () => {
    expect(JSON.stringify(await tap(amir, { buddyPeriod: 'Lunch' }))).toContain(
      'An ambassador on duty will look out for you at Lunch',
    );
    const rota = new RotaService({
      rotas: app.services.rotas,
      schools: app.services.schools,
      clock,
    });
    const onLunch = (await rota.onDuty(tenantId, '2026-11-24')).duties
      .filter((d) => d.periodId === 'Lunch')
      .flatMap((d) => d.ambassadorIds);
    const queued = await app.services.deliveries.deliveriesOf(tenantId, occurrence);
    expect(queued.map((d) => d.value.targetKey).sort()).toEqual([...onLunch].sort());
    const content = JSON.stringify(queued[0]!.value.content);
    expect(content).toContain('Amir from Class 7B would like a buddy at Lunch');
    expect(content).not.toContain('Hassan');

    expect(JSON.stringify(await tap(amir, { buddyPeriod: 'Lunch' }))).toContain(
      'You have already asked for a buddy at Lunch',
    );
    expect(await app.services.deliveries.deliveriesOf(tenantId, occurrence)).toHaveLength(
      onLunch.length,
    );
  });

  it('a worry after `buddy` gets the talk card, not a buddy', async () => {
    expect(JSON.stringify(await type(amir, 'buddy I am being bullied'))).toContain(
      'Talk to a trusted adult',
    );
  });

  it('staff typing `buddy`, or tapping a buddy button, are told it is for pupils, in buddy words', async () => {
    for (const who of [teacher, person('dsl')]) {
      const card = JSON.stringify(await type(who, 'buddy'));
      expect(card).toContain('This is for pupils');
      expect(card).toContain('a wellbeing ambassador to be their buddy');
      expect(card).not.toContain('Ask for a buddy');
      expect(card).not.toContain('trusted adult');
    }
    const tapped = JSON.stringify(await tap(teacher, { buddyPeriod: 'Lunch' }));
    expect(tapped).toContain('a wellbeing ambassador to be their buddy');
    const teachersAsk = `buddy:2026-11-24:${teacher.id}:Lunch`;
    expect(await app.services.deliveries.deliveriesOf(tenantId, teachersAsk)).toEqual([]);
  });
});
