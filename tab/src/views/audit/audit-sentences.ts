import type { AuditEntryView } from '../../../../core/api/roles.js';
import { t, type Locale, type MessageKey } from '../../../../core/i18n/index.js';
import { isSchoolRole, type SchoolRole } from '../../../../core/roles.js';
import { referralTargets, type ReferralTarget } from '../../../../core/talk-kinds.js';
import { personName, roleNames } from '../roles/roles-view.js';

/** A request as the log names it: the random end of its id is enough to tell them apart. */
const requestName = (locale: Locale, id: string) =>
  t(locale, 'tab.audit.request', { id: id.split('-').at(-1) ?? id });

const rolesOf = (codes: string | undefined): SchoolRole[] =>
  (codes ?? '').split(',').filter(isSchoolRole);

/** One audit entry as a sentence a person reads: "Ms Ruth Evans acknowledged request 4f2a9c1b." */
export function auditSentence(locale: Locale, entry: AuditEntryView): string {
  const actor =
    entry.actor.kind === 'person'
      ? personName(locale, entry.actor)
      : entry.actor.kind === 'belong'
        ? t(locale, 'tab.audit.belong')
        : '';
  const subject =
    entry.subject.kind === 'person'
      ? personName(locale, entry.subject)
      : entry.subject.kind === 'request'
        ? requestName(locale, entry.subject.id)
        : entry.subject.kind;
  const request = entry.subject.kind === 'request' ? subject : '';
  switch (entry.action) {
    case 'roles.changed':
      return t(locale, 'tab.audit.roles.changed', {
        actor,
        subject,
        change: roleChange(locale, entry.details),
      });
    case 'talk.referred': {
      const to = entry.details.to;
      const known = (referralTargets as readonly string[]).includes(to ?? '');
      return t(locale, 'tab.audit.talk.referred', {
        actor,
        request,
        to: known ? t(locale, `talk.referral.${to as ReferralTarget}`) : (to ?? ''),
      });
    }
    case 'audit.viewed':
    case 'talk.requested':
    case 'talk.alerted':
    case 'talk.escalated':
    case 'talk.viewed':
    case 'talk.listed':
    case 'talk.acknowledged':
    case 'talk.noted':
    case 'talk.resolved':
    case 'talk.exported':
    case 'talk.unreachable':
      return t(locale, `tab.audit.${entry.action}` satisfies MessageKey, { actor, request });
    default:
      // An action this build of the tab has no words for yet (a newer server).
      return t(locale, 'tab.audit.other', { actor, action: String(entry.action), subject });
  }
}

function roleChange(locale: Locale, details: Record<string, string>): string {
  const now = rolesOf(details.roles);
  const before = rolesOf(details.before);
  const added = now.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !now.includes(r));
  const parts = [
    ...(added.length
      ? [t(locale, 'tab.audit.roles.added', { roles: roleNames(locale, added) })]
      : []),
    ...(removed.length
      ? [t(locale, 'tab.audit.roles.removed', { roles: roleNames(locale, removed) })]
      : []),
  ];
  return parts.length ? parts.join('; ') : t(locale, 'tab.audit.roles.same');
}
