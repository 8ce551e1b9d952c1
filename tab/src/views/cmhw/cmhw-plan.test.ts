import { describe, expect, it } from 'vitest';
import type { ClassTeamView } from '../../../../core/api.js';
import type { CmhwWeek, Schedule } from '../../../../core/api/connect.js';
import { initialRows, phaseOfYearGroup, plannedClasses, planRequest } from './cmhw-plan.js';

const teams: ClassTeamView[] = [
  {
    teamId: '7b',
    name: 'Class 7B',
    channels: [
      { id: 'w', name: 'Wellbeing' },
      { id: 'g', name: 'General' },
    ],
    installedAt: '2026-01-05T09:00:00Z',
  },
  { teamId: '3a', name: 'Class 3A', channels: [], installedAt: '2026-01-05T09:00:00Z' },
];

describe('CMHW plan', () => {
  it('starts with every class unticked, in General at 08:50', () => {
    expect(initialRows(teams)).toEqual([
      { teamId: '7b', include: false, channelId: 'g', time: '08:50', phase: 'primary' },
      { teamId: '3a', include: false, channelId: '', time: '08:50', phase: 'primary' },
    ]);
  });

  it('starts each class at its year group’s age group, where the school set one', () => {
    expect(initialRows(teams, { '7b': '7', '3a': '3' }).map((r) => r.phase)).toEqual([
      'secondary',
      'primary',
    ]);
    expect(initialRows(teams, { '7b': 'none' }).map((r) => r.phase)).toEqual([
      'primary',
      'primary',
    ]);
    expect(['R', '6', '7', '13', 'none', ''].map((y) => phaseOfYearGroup(y))).toEqual([
      'primary',
      'primary',
      'secondary',
      'secondary',
      undefined,
      undefined,
    ]);
  });

  it('asks for the ticked classes only, each with its own channel, time and phase', () => {
    const rows = initialRows(teams);
    rows[0] = { ...rows[0]!, include: true, time: '09:10', phase: 'secondary' };
    expect(planRequest(2027, 'cy', rows)).toEqual({
      year: 2027,
      locale: 'cy',
      classes: [{ teamId: '7b', channelId: 'g', time: '09:10', phase: 'secondary' }],
    });
  });

  it('sends the school’s Monday and theme only when they differ from the week’s own', () => {
    const rows = initialRows(teams).map((r, i) => (i === 0 ? { ...r, include: true } : r));
    const week = { year: 2027, startDate: '2027-02-01', provisional: true } as CmhwWeek;
    // The likely dates, no theme: nothing extra, so the plan follows Place2Be once published.
    expect(
      planRequest(2027, 'en-GB', rows, { startDate: '2027-02-01', theme: '  ' }, week),
    ).toEqual(planRequest(2027, 'en-GB', rows));
    expect(
      planRequest(2027, 'en-GB', rows, { startDate: '2027-01-25', theme: ' Our place ' }, week),
    ).toMatchObject({ year: 2027, startDate: '2027-01-25', theme: 'Our place' });
  });

  it('names what was planned', () => {
    const schedule = { id: 's1', teamId: '7b', channelId: 'w', time: '09:10' } as Schedule;
    expect(plannedClasses([schedule], teams)).toEqual([
      { scheduleId: 's1', team: 'Class 7B', channel: 'Wellbeing', time: '09:10' },
    ]);
  });
});
