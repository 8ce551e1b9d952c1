import type { Translation } from '../types.js';
import type { enGBSupportTab } from '../en-GB/support-tab.js';

export const cySupportTab: Translation<typeof enGBSupportTab> = {
  'tab.support.nav': 'Diogelu',

  'tab.support.inbox.heading': 'Ceisiadau i siarad',
  'tab.support.inbox.intro':
    'Disgyblion a ofynnodd am gael siarad ag oedolyn maen nhw’n ymddiried ynddo, y diweddaraf yn gyntaf.',
  'tab.support.inbox.loading': 'Wrthi’n llwytho’r ceisiadau i siarad…',
  'tab.support.inbox.empty':
    'Dim ceisiadau. Pan fydd disgybl yn gofyn am gael siarad, bydd yn ymddangos yma ac yn eich sgwrs gyda Perthyn.',
  'tab.support.inbox.emptyFilter': 'Does dim ceisiadau gyda’r statws hwn.',
  'tab.support.inbox.filter': 'Dangos',
  'tab.support.inbox.filter.all': 'Y cyfan',
  'tab.support.inbox.filterOption': '{label} ({count})',
  'tab.support.inbox.refresh': 'Adnewyddu',
  'tab.support.inbox.list': 'Ceisiadau',
  'tab.support.status.new': 'Newydd',
  'tab.support.status.acknowledged': 'Wedi’i gydnabod',
  'tab.support.status.resolved': 'Wedi’i ddatrys',
  'tab.support.status.referred': 'Wedi’i gyfeirio',
  'tab.support.duration.minutes': {
    zero: '{count} munud',
    one: '{count} munud',
    two: '{count} funud',
    few: '{count} munud',
    many: '{count} munud',
    other: '{count} munud',
  },
  'tab.support.duration.hours': {
    zero: '{count} awr',
    one: '{count} awr',
    two: '{count} awr',
    few: '{count} awr',
    many: '{count} awr',
    other: '{count} awr',
  },
  'tab.support.duration.days': {
    zero: '{count} diwrnod',
    one: '{count} diwrnod',
    two: '{count} ddiwrnod',
    few: '{count} diwrnod',
    many: '{count} diwrnod',
    other: '{count} diwrnod',
  },
  'tab.support.waiting': 'Yn aros ers {duration}',
  'tab.support.waited': 'Wedi aros {duration}',

  'tab.support.detail.none': 'Dewiswch gais i weld ei nodiadau a’i linell amser.',
  'tab.support.detail.loading': 'Wrthi’n agor y cais…',
  'tab.support.detail.status': 'Statws',
  'tab.support.detail.waiting': 'Yn aros',
  'tab.support.detail.waited': 'Wedi aros',
  'tab.support.actions.heading': 'Cofnodi beth wnaethoch chi',
  'tab.support.actions.closed': 'Mae’r cais hwn wedi cau. Gallwch ei ddarllen a’i allforio o hyd.',
  'tab.support.actions.noteCount': '{count} o 1,000 o nodau',
  'tab.support.actions.referChoose': 'Dewiswch…',
  'tab.support.timeline.heading': 'Llinell amser',
  'tab.support.event.requested': 'Gofynnodd am gael siarad ({source})',
  'tab.support.event.alerted': 'Wedi’i anfon at y tîm diogelu',
  'tab.support.event.escalated':
    'Doedd neb wedi’i gydnabod: wedi’i anfon eto, ac at yr arweinydd llesiant',
  'tab.support.event.acknowledged': 'Wedi’i gydnabod gan {name}',
  'tab.support.event.note': 'Nodyn gan {name}',
  'tab.support.event.resolved': 'Wedi’i ddatrys gan {name}',
  'tab.support.event.referred': 'Wedi’i gyfeirio at {to} gan {name}',
  'tab.support.notes.none': 'Dim nodiadau eto.',
  'tab.support.export.heading': 'Allforio',
  'tab.support.export.json': 'Allforio JSON',
  'tab.support.export.csv': 'Allforio CSV',
  'tab.support.export.hint':
    'Cofnod y cais hwn ar gyfer eich system amddiffyn plant. Mae pob allforio’n cael ei gadw yn y log archwilio.',

  'tab.support.talk.loading': 'Wrthi’n gwirio…',
  'tab.support.talk.send': 'Anfon',
  'tab.support.talk.sending': 'Wrthi’n anfon…',
  'tab.support.talk.sent': 'Wedi’i anfon. Bydd oedolyn yn ei weld.',
  'tab.support.talk.sentClosed':
    'Wedi’i anfon. Mae’r ysgol ar gau nawr, felly bydd oedolyn yn ei weld: {when}.',
  'tab.support.talk.askAgain': 'Gofyn eto',
};
