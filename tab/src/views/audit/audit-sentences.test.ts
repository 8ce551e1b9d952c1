import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../../core/api/roles.js';
import { auditSentence } from './audit-sentences.js';

const ruth = { kind: 'person', userId: 'u-ruth', name: 'Ms Ruth Evans' } as const;
const request = { kind: 'request', id: '8200000000000-4f2a9c1b' } as const;
const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  seq: 1,
  at: '2026-11-24T10:00:00.000Z',
  actor: ruth,
  action: 'talk.acknowledged',
  subject: request,
  details: {},
  ...over,
});

describe('auditSentence', () => {
  it('says who did what to which request', () => {
    expect(auditSentence('en-GB', entry({}))).toBe('Ms Ruth Evans acknowledged request 4f2a9c1b.');
    expect(
      auditSentence('en-GB', entry({ action: 'talk.referred', details: { to: 'camhs' } })),
    ).toBe('Ms Ruth Evans recorded that request 4f2a9c1b was referred on to CAMHS.');
    expect(
      auditSentence('en-GB', entry({ actor: { kind: 'belong' }, action: 'talk.escalated' })),
    ).toBe(
      'Nobody had acknowledged request 4f2a9c1b: Belong sent it again, and to the wellbeing lead.',
    );
  });

  it('never names the pupil who asked', () => {
    expect(
      auditSentence('en-GB', entry({ actor: { kind: 'pupil' }, action: 'talk.requested' })),
    ).toBe('A pupil asked to talk (request 4f2a9c1b).');
  });

  it('says which roles were given and taken away', () => {
    const change = (roles: string, before: string) =>
      auditSentence(
        'en-GB',
        entry({
          actor: { kind: 'person', userId: 'u-ian', name: 'Mr Ian Reid' },
          action: 'roles.changed',
          subject: { kind: 'person', userId: 'u-owen', name: 'Mr Owen Davies' },
          details: { roles, before },
        }),
      );
    expect(change('deputy_dsl', '')).toBe(
      'Mr Ian Reid changed the school roles of Mr Owen Davies: gave Deputy designated safeguarding lead.',
    );
    expect(change('coordinator', 'admin,coordinator')).toBe(
      'Mr Ian Reid changed the school roles of Mr Owen Davies: took away School admin.',
    );
    expect(change('dsl', 'deputy_dsl')).toBe(
      'Mr Ian Reid changed the school roles of Mr Owen Davies: gave Designated safeguarding lead; took away Deputy designated safeguarding lead.',
    );
  });

  it('reads the log and the inbox in Welsh too', () => {
    expect(auditSentence('cy', entry({ action: 'audit.viewed', subject: { kind: 'audit' } }))).toBe(
      'Darllenodd Ms Ruth Evans y log archwilio.',
    );
  });

  it('says something plain about an action it has no words for', () => {
    const future = entry({ action: 'talk.reopened' as AuditEntryView['action'] });
    expect(auditSentence('en-GB', future)).toBe('Ms Ruth Evans: talk.reopened (request 4f2a9c1b).');
  });
});
