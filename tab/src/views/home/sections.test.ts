import { describe, expect, it } from 'vitest';
import type { ClassTeamView, MeResponse } from '../../../../core/api.js';
import { connectSections, schoolSections } from './sections.js';

const team = (teamId: string): ClassTeamView => ({
  teamId,
  name: teamId,
  channels: [],
  installedAt: '2026-01-05T09:00:00Z',
});
const teams = [team('7b'), team('8c')];
const me = (roles: MeResponse['roles'], inTeams: MeResponse['teams'] = []) => ({
  roles,
  teams: inTeams,
});

describe('connectSections', () => {
  it('gives a teacher Posts for the classes they teach only', () => {
    const sections = connectSections(
      me(
        ['teacher', 'pupil'],
        [
          { teamId: '7b', role: 'teacher' },
          { teamId: '8c', role: 'pupil' },
        ],
      ),
      teams,
    );
    expect(sections.postTeams.map((t) => t.teamId)).toEqual(['7b']);
    expect(sections.schoolWide).toBe(false);
  });

  it('gives the wellbeing lead and admin every class, the calendar and the CMHW planner', () => {
    for (const role of ['wellbeing_lead', 'admin'] as const) {
      const sections = connectSections(me([role]), teams);
      expect(sections.postTeams.map((t) => t.teamId)).toEqual(['7b', '8c']);
      expect(sections.schoolWide).toBe(true);
    }
  });

  it('gives pupils, ambassadors, the DSL and the coordinator no staff sections; pupils their own check-ins', () => {
    for (const roles of [['pupil'], ['pupil', 'ambassador'], ['dsl'], ['coordinator']] as const) {
      const inClass = roles.includes('pupil' as never);
      const sections = connectSections(
        me([...roles], inClass ? [{ teamId: '7b', role: 'pupil' }] : []),
        teams,
      );
      expect(sections).toEqual({
        postTeams: [],
        schoolWide: false,
        checkinTeams: [],
        schoolTrends: false,
        myCheckins: inClass,
      });
    }
  });

  it('gives a teacher the check-ins of their classes, and the wellbeing lead every class and the school', () => {
    const teacher = connectSections(me(['teacher'], [{ teamId: '8c', role: 'teacher' }]), teams);
    expect(teacher.checkinTeams.map((t) => t.teamId)).toEqual(['8c']);
    expect(teacher.schoolTrends).toBe(false);
    const lead = connectSections(me(['wellbeing_lead']), teams);
    expect(lead.checkinTeams.map((t) => t.teamId)).toEqual(['7b', '8c']);
    expect(lead.schoolTrends).toBe(true);
    // The admin keeps the school settings but reads no class's trends.
    const admin = connectSections(me(['admin']), teams);
    expect(admin.checkinTeams).toEqual([]);
    expect(admin.schoolTrends).toBe(true);
  });
});

describe('schoolSections', () => {
  it('gives the admin school roles and the audit log, the DSL and deputies the audit log only', () => {
    expect(schoolSections(me(['admin']))).toEqual({ roles: true, audit: true });
    expect(schoolSections(me(['dsl']))).toEqual({ roles: false, audit: true });
    expect(schoolSections(me(['deputy_dsl']))).toEqual({ roles: false, audit: true });
    for (const role of ['teacher', 'pupil', 'ambassador', 'coordinator', 'wellbeing_lead'] as const)
      expect(schoolSections(me([role])), role).toEqual({ roles: false, audit: false });
  });
});
