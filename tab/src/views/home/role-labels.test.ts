import { describe, expect, it } from 'vitest';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { roleLabels } from './role-labels.js';

const class7b: ClassTeamView = {
  teamId: 'team-7b',
  name: 'Class 7B',
  channels: [{ id: 'c1', name: 'General' }],
  installedAt: '2026-01-05T09:00:00Z',
};

function me(roles: MeResponse['roles'], teams: MeResponse['teams'] = []) {
  return { roles, teams };
}

describe('roleLabels', () => {
  it('names the class for a teacher when the bot is installed there', () => {
    expect(
      roleLabels(me(['teacher'], [{ teamId: 'team-7b', role: 'teacher' }]), [class7b], 'en-GB'),
    ).toEqual(['Teacher in Class 7B']);
  });

  it('says plain "Teacher" when the class team is not known to Belong', () => {
    expect(
      roleLabels(me(['teacher'], [{ teamId: 'other', role: 'teacher' }]), [class7b], 'en-GB'),
    ).toEqual(['Teacher']);
  });

  it('lists an ambassador as a pupil in the class and as an ambassador', () => {
    expect(
      roleLabels(
        me(['pupil', 'ambassador'], [{ teamId: 'team-7b', role: 'pupil' }]),
        [class7b],
        'en-GB',
      ),
    ).toEqual(['Pupil in Class 7B', 'Wellbeing ambassador']);
  });

  it('gives every school role a readable label', () => {
    expect(
      roleLabels(
        me(['admin', 'dsl', 'deputy_dsl', 'wellbeing_lead', 'coordinator']),
        [class7b],
        'en-GB',
      ),
    ).toEqual([
      'School admin',
      'Designated safeguarding lead',
      'Deputy designated safeguarding lead',
      'Wellbeing lead',
      'Ambassador coordinator',
    ]);
  });

  it('speaks Welsh', () => {
    expect(
      roleLabels(me(['teacher', 'dsl'], [{ teamId: 'team-7b', role: 'teacher' }]), [class7b], 'cy'),
    ).toEqual(['Athro yn Class 7B', 'Arweinydd diogelu dynodedig']);
  });

  it('does not repeat a label', () => {
    expect(roleLabels(me(['pupil', 'pupil']), [], 'en-GB')).toEqual(['Pupil']);
  });

  it('is empty when the server derived no roles', () => {
    expect(roleLabels(me([]), [class7b], 'en-GB')).toEqual([]);
  });
});

describe('roleLabels with a newer server', () => {
  it('skips roles this build has no words for', () => {
    const roles = ['pupil', 'governor'] as unknown as MeResponse['roles'];
    expect(roleLabels({ roles, teams: [] }, [], 'en-GB')).toEqual(['Pupil']);
  });
});
