/**
 * School roles, safeguarding readiness and the audit log in the tab (issue 17). Keys are prefixed
 * `tab.roles.` and `tab.audit.`; role names are the `tab.role.` keys (tab.ts) and referral targets
 * the `talk.referral.` keys (talk.ts). Read by staff only.
 */
export const enGBRolesTab = {
  'tab.roles.nav': 'School roles',
  'tab.roles.heading': 'School roles',
  'tab.roles.intro':
    'Who does what in Belong. Only school admins can change this, and every change is kept in the audit log.',
  'tab.roles.loading': 'Loading school roles…',
  'tab.roles.forAdmins': 'Only school admins can see and give school roles.',
  'tab.roles.holdersHeading': 'Who holds each role',
  'tab.roles.about.dsl': 'Gets pupils’ talk requests, with their name, and acts on them.',
  'tab.roles.about.deputy_dsl': 'Gets talk requests too, so that a pupil is never left waiting.',
  'tab.roles.about.wellbeing_lead':
    'Sees whole-school check-in trends, and is told when a talk request waits too long.',
  'tab.roles.about.coordinator': 'Runs the wellbeing ambassadors’ rota.',
  'tab.roles.about.admin':
    'Gives school roles and sets up the school. The school always keeps at least one.',
  'tab.roles.about.ambassador':
    'Pupils trained to support others. The coordinator puts them on the rota.',
  'tab.roles.nobody': 'Nobody yet.',
  'tab.roles.unnamed': 'Someone without a name in the directory ({id})',
  'tab.roles.remove': 'Remove',
  'tab.roles.removeLabel': 'Remove {name} as {role}',
  'tab.roles.saved': 'Saved: {name} is now {roles}.',
  'tab.roles.savedNone': 'Saved: {name} has no school role now.',
  'tab.roles.unchanged': '{name} already had these roles. Nothing changed.',

  'tab.roles.add.heading': 'Give someone a role',
  'tab.roles.add.search': 'Search for a person by name',
  'tab.roles.add.searchHint': 'Type at least 2 letters of their name.',
  'tab.roles.add.searchButton': 'Search',
  'tab.roles.add.searching': 'Searching…',
  'tab.roles.add.results': 'People found',
  'tab.roles.add.none':
    'Nobody found with that name. Check the spelling, or try part of their name.',
  'tab.roles.add.holds': 'Now: {roles}',
  'tab.roles.add.holdsNone': 'No school role now',
  'tab.roles.add.choose': 'Roles for {name}',
  'tab.roles.add.chooseHint': 'Tick every role they should have. Untick one to take it away.',
  'tab.roles.add.save': 'Save roles',
  'tab.roles.add.saving': 'Saving…',

  'tab.roles.problem.lastAdmin':
    'The school must keep at least one admin. Give someone else the admin role first. Nothing changed.',
  'tab.roles.problem.ambassadorWithStaffRole':
    'A wellbeing ambassador is a pupil, so they can’t have a staff role as well. Nothing changed.',
  'tab.roles.problem.unknownRole': 'That is not a school role. Nothing changed.',
  'tab.roles.problem.userId': 'That person can’t be found in the directory. Nothing changed.',
  'tab.roles.problem.search':
    'Type 2 to 60 letters of a name: letters, spaces, hyphens and apostrophes only.',

  'tab.roles.readiness.heading': 'Safeguarding readiness',
  'tab.roles.readiness.ready': 'Pupils can ask to talk to a trusted adult',
  'tab.roles.readiness.notReady': 'Pupils can’t ask to talk to a trusted adult yet',
  'tab.roles.readiness.rule':
    'Talk requests can be offered when at least {needed} safeguarding adults can be messaged: {reachable} of {needed} ready.',
  'tab.roles.readiness.people': 'Safeguarding adults',
  'tab.roles.readiness.none': 'Nobody is the DSL or a deputy DSL yet.',
  'tab.roles.readiness.personReady': '{name} ({role}) — ready.',
  'tab.roles.readiness.personNotOpened':
    '{name} ({role}) — has not opened Belong in Teams yet: ask them to open the Belong app in Teams.',
  'tab.roles.readiness.assign': {
    one: 'Give the DSL or deputy DSL role to 1 more person, below.',
    other: 'Give the DSL or deputy DSL role to {count} more people, below.',
  },
  'tab.roles.readiness.refresh': 'Check again',

  'tab.audit.nav': 'Audit log',
  'tab.audit.heading': 'Audit log',
  'tab.audit.intro':
    'Every view of and action on a talk request, and every change of school roles, newest first. Nobody can change or delete it in Belong.',
  'tab.audit.loading': 'Loading the audit log…',
  'tab.audit.forbidden': 'Only school admins, the DSL and deputy DSLs can read the audit log.',
  'tab.audit.checkOk': {
    one: 'The record is complete and unchanged: {count} entry checked.',
    other: 'The record is complete and unchanged: all {count} entries checked.',
  },
  'tab.audit.checkOkTitle': 'OK',
  'tab.audit.checkBrokenTitle': 'Not OK',
  'tab.audit.checkBroken': 'The record has been changed at entry {n}: tell your IT admin.',
  'tab.audit.empty': 'Nothing is recorded yet.',
  'tab.audit.shown': {
    one: 'Showing the newest entry.',
    other: 'Showing the newest {count} entries.',
  },
  'tab.audit.showMore': 'Show more',
  'tab.audit.brokenHere': 'The check fails here.',
  'tab.audit.entries': 'Entries, newest first',
  'tab.audit.entryNumber': 'Entry {n}',
  'tab.audit.belong': 'Belong',
  'tab.audit.request': 'request {id}',
  'tab.audit.talk.requested': 'A pupil asked to talk ({request}).',
  'tab.audit.talk.alerted': 'Belong sent {request} to the safeguarding team.',
  'tab.audit.talk.escalated':
    'Nobody had acknowledged {request}: Belong sent it again, and to the wellbeing lead.',
  'tab.audit.talk.viewed': '{actor} opened {request}.',
  'tab.audit.talk.listed': '{actor} opened the list of talk requests.',
  'tab.audit.talk.acknowledged': '{actor} acknowledged {request}.',
  'tab.audit.talk.noted': '{actor} added a note to {request}.',
  'tab.audit.talk.resolved': '{actor} resolved {request}.',
  'tab.audit.talk.referred': '{actor} recorded that {request} was referred on to {to}.',
  'tab.audit.talk.exported': '{actor} exported {request}.',
  'tab.audit.talk.unreachable':
    'Belong could not message every safeguarding adult about {request}, and told the school admin.',
  'tab.audit.roles.changed': '{actor} changed the school roles of {subject}: {change}.',
  'tab.audit.roles.added': 'gave {roles}',
  'tab.audit.roles.removed': 'took away {roles}',
  'tab.audit.roles.same': 'no change',
  'tab.audit.audit.viewed': '{actor} read the audit log.',
  'tab.audit.other': '{actor}: {action} ({subject}).',
} as const;
