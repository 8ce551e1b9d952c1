import type { Translation } from '../types.js';
import type { enGBRotaNotify } from '../en-GB/rota-notify.js';

export const cyRotaNotify: Translation<typeof enGBRotaNotify> = {
  'rotaNotify.reminder.title': 'Rydych chi ar ddyletswydd heddiw',
  'rotaNotify.reminder.intro': 'Diolch am fod yn llysgennad llesiant.',
  'rotaNotify.reminder.when': 'Pryd',
  'rotaNotify.reminder.where': 'Ble',
  'rotaNotify.reminder.with': 'Gyda',
  'rotaNotify.reminder.adult': 'Oedolyn sy’n gyfrifol',
  'rotaNotify.reminder.whenValue': '{period}, {day}',
  'rotaNotify.reminder.swap': 'Methu ei wneud? Gofynnwch am gyfnewid yn y tab Perthyn.',
  'rotaNotify.worry':
    'Os bydd rhywun yn dweud wrthych chi am bryder, dywedwch wrth yr oedolyn sy’n gyfrifol.',

  'rotaNotify.today.title': 'Llysgenhadon llesiant heddiw',
  'rotaNotify.today.intro':
    '{day}. Mae llysgenhadon llesiant yma i wrando a chwarae. Dewch i ddod o hyd iddyn nhw.',
  'rotaNotify.today.slot': '{period} · {place}',
  'rotaNotify.today.adult': 'Oedolyn sy’n gyfrifol: {adult}',
  'rotaNotify.today.count': {
    zero: '{count} llysgennad',
    one: '1 llysgennad',
    two: '2 lysgennad',
    few: '{count} llysgennad',
    many: '{count} llysgennad',
    other: '{count} llysgennad',
  },
  'rotaNotify.today.worry': 'Os oes gennych chi bryder, gallwch chi siarad ag oedolyn bob amser.',

  'rotaNotify.duty': '{period}, {place}, {day}',
  'rotaNotify.someone': 'Llysgennad arall',
  'rotaNotify.kind.swap': 'gyfnewid',
  'rotaNotify.kind.cover': 'gyflenwi',
  'rotaNotify.notice.accepted.title': 'Mae rhywun wedi dweud ie',
  'rotaNotify.notice.accepted.requester':
    'Mae {who} wedi dweud ie i’ch cais i {kind}: {duty}. Bydd y cydlynydd yn ei wirio. Tan hynny, mae eich dyletswydd yr un fath.',
  'rotaNotify.notice.accepted.acceptor':
    'Rydych chi wedi dweud ie i {kind}: {duty}. Bydd y cydlynydd yn ei wirio. Byddwn ni’n dweud wrthych chi.',
  'rotaNotify.notice.accepted.coordinatorTitle': 'Mae cais i {kind} angen eich caniatâd',
  'rotaNotify.notice.accepted.coordinator':
    'Gofynnodd {requester} am {kind} a dywedodd {who} ie: {duty}. Cymeradwywch neu gwrthodwch yn y tab rota.',
  'rotaNotify.notice.approved.title': 'Mae wedi’i gytuno',
  'rotaNotify.notice.approved.requester': 'Bydd {who} yn gwneud eich dyletswydd: {duty}.',
  'rotaNotify.notice.approved.requesterSwap':
    'Byddwch chi’n gwneud eu dyletswydd nhw yn lle: {inReturn}.',
  'rotaNotify.notice.approved.acceptor': 'Byddwch chi’n gwneud y ddyletswydd hon: {duty}.',
  'rotaNotify.notice.approved.acceptorSwap': 'Bydd {who} yn gwneud eich dyletswydd: {inReturn}.',
  'rotaNotify.notice.declined.title': 'Chafodd e ddim ei gytuno',
  'rotaNotify.notice.declined.requester':
    'Chafodd eich cais i {kind} ddim ei gytuno. Mae’r ddyletswydd hon gennych chi o hyd: {duty}.',
  'rotaNotify.notice.declined.acceptor':
    'Chafodd y cais i {kind} y dywedoch chi ie iddo ddim ei gytuno: {duty}. Does dim yn newid i chi.',
} as const;
