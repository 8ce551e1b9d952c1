import {
  assignableRoles,
  type ReadinessResponse,
  type RoleHolderView,
} from '../../../../core/api/roles.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { SchoolRole } from '../../../../core/roles.js';

/** A role's name, as the home page says it ("Designated safeguarding lead"). */
export const roleName = (locale: Locale, role: SchoolRole): string => t(locale, `tab.role.${role}`);

/**
 * "A, B and C" in the reader's language. Not Intl.ListFormat: its Welsh says "a(c)", where a
 * person writes "ac" before a vowel and "a" before a consonant.
 */
export function listOf(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items.at(-1)!;
  const and = locale === 'cy' ? (/^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'ac' : 'a') : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

/** Roles by name, in the order the page lists them. */
export function roleNames(locale: Locale, roles: readonly SchoolRole[]): string {
  const ordered = assignableRoles.filter((role) => roles.includes(role));
  return listOf(
    locale,
    ordered.map((role) => roleName(locale, role)),
  );
}

/** A person's name, or words that say the directory has none (with the end of their id). */
export function personName(locale: Locale, person: { userId: string; name?: string }): string {
  return person.name ?? t(locale, 'tab.roles.unnamed', { id: `…${person.userId.slice(-4)}` });
}

/** Each role the admin gives, with who holds it, by name. */
export function holdersByRole(
  locale: Locale,
  holders: readonly RoleHolderView[],
): { role: SchoolRole; holders: RoleHolderView[] }[] {
  return assignableRoles.map((role) => ({
    role,
    holders: holders
      .filter((h) => h.roles.includes(role))
      .sort((a, b) => personName(locale, a).localeCompare(personName(locale, b), locale)),
  }));
}

/** What the readiness panel says: the verdict, the rule with the count, each person, what else to do. */
export function readinessText(locale: Locale, readiness: ReadinessResponse) {
  const { ready, needed, reachable } = readiness;
  const assign = readiness.steps.find((s) => s.kind === 'assign');
  return {
    title: t(locale, ready ? 'tab.roles.readiness.ready' : 'tab.roles.readiness.notReady'),
    rule: t(locale, 'tab.roles.readiness.rule', {
      needed,
      reachable: Math.min(reachable, needed),
    }),
    people: readiness.recipients.map((r) => ({
      userId: r.userId,
      reachable: r.reachable,
      text: t(
        locale,
        r.reachable ? 'tab.roles.readiness.personReady' : 'tab.roles.readiness.personNotOpened',
        { name: personName(locale, r), role: roleName(locale, r.role) },
      ),
    })),
    assign:
      assign?.kind === 'assign'
        ? t(locale, 'tab.roles.readiness.assign', { count: assign.count })
        : undefined,
  };
}
