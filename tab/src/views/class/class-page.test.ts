import { describe, expect, it } from 'vitest';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { classPageTeams, classPageView } from './class-page.js';

const team = (teamId: string): ClassTeamView => ({
  teamId,
  name: `Class ${teamId}`,
  channels: [],
  installedAt: '2026-01-05T09:00:00Z',
});
const teams = [team('7b'), team('8c')];
const me = (roles: MeResponse['roles'], inTeams: MeResponse['teams'] = []) => ({
  roles,
  teams: inTeams,
});
const teacher7b = me(['teacher'], [{ teamId: '7b', role: 'teacher' }]);
const pupil7b = me(['pupil'], [{ teamId: '7b', role: 'pupil' }]);

describe('classPageView', () => {
  it('gives a teacher of the class its Posts and Check-ins, for that class only', () => {
    const view = classPageView(teacher7b, [team('7b')], '7b');
    expect(view).toMatchObject({ kind: 'staff', parts: ['posts', 'checkins'] });
    expect(view.kind === 'staff' && view.postTeams.map((t) => t.teamId)).toEqual(['7b']);
  });

  it('gives the wellbeing lead both parts of any class, and the admin its posts only', () => {
    expect(classPageView(me(['wellbeing_lead']), teams, '8c')).toMatchObject({
      kind: 'staff',
      team: { teamId: '8c' },
      parts: ['posts', 'checkins'],
    });
    expect(classPageView(me(['admin']), teams, '8c')).toMatchObject({
      kind: 'staff',
      parts: ['posts'],
    });
  });

  it('gives a pupil of the class their own page for it', () => {
    expect(classPageView(pupil7b, [team('7b')], '7b')).toEqual({ kind: 'pupil', team: team('7b') });
  });

  it('tells staff who can see the class but have no part in it (the DSL) that it is not for them', () => {
    expect(classPageView(me(['dsl']), teams, '7b')).toEqual({ kind: 'notYours', team: team('7b') });
  });

  it('asks the server about a class that is not among the person’s (someone else’s, or unknown)', () => {
    expect(classPageView(pupil7b, [team('7b')], '8c')).toEqual({ kind: 'lookup', teamId: '8c' });
  });

  it('without a class, lists the classes the person has a page for', () => {
    expect(classPageView(teacher7b, teams, undefined)).toEqual({
      kind: 'choose',
      teams: [team('7b')],
    });
    expect(classPageTeams(me(['dsl']), teams)).toEqual([]);
    expect(classPageTeams(me(['wellbeing_lead']), teams)).toEqual(teams);
  });
});
