import { describe, expect, it } from 'vitest';
import type { ReadinessResponse } from '../../../../core/api/roles.js';
import { holdersByRole, personName, readinessText, roleNames } from './roles-view.js';

const ruth = { userId: 'u-ruth', name: 'Ms Ruth Evans' };
const owen = { userId: 'u-owen', name: 'Mr Owen Davies' };

describe('roles view', () => {
  it('lists every role the admin gives, with its holders by name', () => {
    const groups = holdersByRole('en-GB', [
      { ...ruth, roles: ['dsl'] },
      { userId: '00000000-0000-4000-8000-00000000abcd', roles: ['deputy_dsl'] },
      { ...owen, roles: ['deputy_dsl', 'wellbeing_lead'] },
    ]);
    expect(groups.map((g) => g.role)).toEqual([
      'dsl',
      'deputy_dsl',
      'wellbeing_lead',
      'coordinator',
      'admin',
      'ambassador',
    ]);
    expect(groups[1]!.holders.map((h) => personName('en-GB', h))).toEqual([
      'Mr Owen Davies',
      'Someone without a name in the directory (…abcd)',
    ]);
    expect(groups[3]!.holders).toEqual([]);
  });

  it('names roles in the page’s order, joined in the reader’s language', () => {
    expect(roleNames('en-GB', ['wellbeing_lead', 'dsl'])).toBe(
      'Designated safeguarding lead and Wellbeing lead',
    );
    expect(roleNames('cy', ['wellbeing_lead', 'dsl'])).toBe(
      'Arweinydd diogelu dynodedig ac Arweinydd llesiant',
    );
    expect(roleNames('cy', ['coordinator', 'dsl', 'admin'])).toBe(
      'Arweinydd diogelu dynodedig, Cydlynydd y llysgenhadon a Gweinyddwr yr ysgol',
    );
  });

  it('says whether talk requests can be offered, who is ready and what to do', () => {
    const readiness: ReadinessResponse = {
      ready: false,
      needed: 2,
      reachable: 1,
      recipients: [
        { ...ruth, role: 'dsl', reachable: true },
        { ...owen, role: 'deputy_dsl', reachable: false },
      ],
      steps: [{ kind: 'open', ...owen }],
    };
    expect(readinessText('en-GB', readiness)).toEqual({
      title: 'Pupils can’t ask to talk to a trusted adult yet',
      rule: 'Talk requests can be offered when at least 2 safeguarding adults can be messaged: 1 of 2 ready.',
      people: [
        {
          userId: 'u-ruth',
          reachable: true,
          text: 'Ms Ruth Evans (Designated safeguarding lead) — ready.',
        },
        {
          userId: 'u-owen',
          reachable: false,
          text: 'Mr Owen Davies (Deputy designated safeguarding lead) — has not opened Belong in Teams yet: ask them to open the Belong app in Teams.',
        },
      ],
      assign: undefined,
    });
  });

  it('never says more are ready than needed, and asks for more people when there are too few', () => {
    const three: ReadinessResponse = {
      ready: true,
      needed: 2,
      reachable: 3,
      recipients: [],
      steps: [],
    };
    expect(readinessText('en-GB', three).rule).toContain('2 of 2 ready');
    const none = readinessText('en-GB', {
      ready: false,
      needed: 2,
      reachable: 0,
      recipients: [],
      steps: [{ kind: 'assign', count: 2 }],
    });
    expect(none.assign).toBe('Give the DSL or deputy DSL role to 2 more people, below.');
  });
});
