import { describe, expect, it } from 'vitest';
import { rotaRoles } from './rota-roles.js';

describe('rotaRoles', () => {
  it.each([
    [['coordinator'], { coordinator: true, ambassador: false }],
    [['admin'], { coordinator: true, ambassador: false }],
    [['ambassador', 'pupil'], { coordinator: false, ambassador: true }],
    [['coordinator', 'ambassador'], { coordinator: true, ambassador: true }],
    [['pupil'], { coordinator: false, ambassador: false }],
    [['wellbeing_lead', 'dsl', 'teacher'], { coordinator: false, ambassador: false }],
  ] as const)('%j → %j', (roles, expected) => {
    expect(rotaRoles({ roles: [...roles] })).toEqual(expected);
  });
});
