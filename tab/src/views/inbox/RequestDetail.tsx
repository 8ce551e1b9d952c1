import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import {
  referralTargets,
  type ReferralTarget,
  type SupportRequestView,
} from '../../../../core/api/support.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { useInboxStyles } from './Inbox.styles.js';
import {
  duration,
  eventText,
  isOpen,
  noteProblem,
  referralLabel,
  statusColour,
  statusLabel,
  statusSentence,
  urgencyLabel,
  when,
} from './inbox-view.js';
import type { ActionError, ActionKind, Inbox } from './useInbox.js';

export interface RequestDetailProps {
  locale: Locale;
  request: SupportRequestView;
  busy: ActionKind | undefined;
  actionError: ActionError | undefined;
  act: Inbox['act'];
  exportAs: Inbox['exportAs'];
}

/** One request: who asked, where it stands, what to do next, its notes and timeline, export. */
export function RequestDetail(props: RequestDetailProps) {
  const { locale, request, busy } = props;
  const styles = useInboxStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const at = (iso: string) => when(locale, iso, request.timeZone);

  // Opening a request takes the reader to it (below the list on a phone).
  useEffect(() => heading.current?.focus(), [request.id]);

  return (
    <section className={styles.detail} aria-labelledby={headingId}>
      <div className={styles.detailTop}>
        <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.pupilName}>
          {request.pupilName}
        </h3>
        <Badge appearance="tint" shape="rounded" color={statusColour[request.status]}>
          {statusLabel(locale, request.status)}
        </Badge>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.factName}>{t(locale, 'talk.staff.class')}</dt>
        <dd className={styles.factValue}>{request.classNames.join(', ')}</dd>
        <dt className={styles.factName}>{t(locale, 'talk.staff.asked')}</dt>
        <dd className={styles.factValue}>{at(request.createdAt)}</dd>
        <dt className={styles.factName}>{t(locale, 'talk.staff.howSoon')}</dt>
        <dd className={styles.factValue}>{urgencyLabel(locale, request)}</dd>
        <dt className={styles.factName}>{t(locale, 'talk.staff.from')}</dt>
        <dd className={styles.factValue}>{t(locale, `talk.source.${request.source}`)}</dd>
        <dt className={styles.factName}>{t(locale, 'tab.support.detail.status')}</dt>
        <dd className={styles.factValue}>{statusSentence(locale, request)}</dd>
        <dt className={styles.factName}>
          {t(
            locale,
            request.acknowledged ? 'tab.support.detail.waited' : 'tab.support.detail.waiting',
          )}
        </dt>
        <dd className={styles.factValue}>{duration(locale, request.waitedMinutes)}</dd>
      </dl>
      {request.unreachableNames.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t(locale, 'talk.staff.unreachable', { names: request.unreachableNames.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}

      <Actions {...props} />

      <div className={styles.section}>
        <Subtitle2 as="h4" className={styles.detailHeading}>
          {t(locale, 'talk.staff.notes')}
        </Subtitle2>
        {request.notes.length === 0 ? (
          <Text>{t(locale, 'tab.support.notes.none')}</Text>
        ) : (
          <ul className={styles.entries}>
            {request.notes.map((note, i) => (
              <li key={`${note.at}-${i}`} className={styles.entry}>
                <Text className={styles.time}>
                  {t(locale, 'talk.staff.noteBy', { name: note.byName, when: at(note.at) })}
                </Text>
                <p className={styles.noteText}>{note.text}</p>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h4" className={styles.detailHeading}>
          {t(locale, 'tab.support.timeline.heading')}
        </Subtitle2>
        <ol className={styles.entries}>
          {request.timeline.map((event, i) => (
            <li key={`${event.at}-${i}`} className={styles.entry}>
              <time className={styles.time} dateTime={event.at}>
                {at(event.at)}
              </time>
              <Text>{eventText(locale, event, request)}</Text>
            </li>
          ))}
        </ol>
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h4" className={styles.detailHeading}>
          {t(locale, 'tab.support.export.heading')}
        </Subtitle2>
        <Text className={styles.hint}>{t(locale, 'tab.support.export.hint')}</Text>
        <div className={styles.actions}>
          <Button disabled={busy !== undefined} onClick={() => void props.exportAs('json')}>
            {t(locale, 'tab.support.export.json')}
          </Button>
          <Button disabled={busy !== undefined} onClick={() => void props.exportAs('csv')}>
            {t(locale, 'tab.support.export.csv')}
          </Button>
        </div>
        <ActionAlert {...props} action="export" />
      </div>
    </section>
  );
}

function Actions(props: RequestDetailProps) {
  const { locale, request, busy, act } = props;
  const styles = useInboxStyles();
  const [note, setNote] = useState('');
  const [noteTried, setNoteTried] = useState(false);
  const [referTo, setReferTo] = useState<ReferralTarget | ''>('');
  const off = busy !== undefined;
  const noteInvalid = noteTried && noteProblem(note);

  if (!isOpen(request)) {
    return (
      <div className={styles.section}>
        <Subtitle2 as="h4" className={styles.detailHeading}>
          {t(locale, 'tab.support.actions.heading')}
        </Subtitle2>
        <Text>{t(locale, 'tab.support.actions.closed')}</Text>
        {/* A refusal because someone closed it meanwhile is said here, where the buttons were. */}
        <ActionAlert {...props} action={['acknowledge', 'note', 'refer', 'resolve']} />
      </div>
    );
  }

  const saveNote = async () => {
    setNoteTried(true);
    if (noteProblem(note)) return;
    if (await act({ kind: 'note', text: note.trim() })) {
      setNote('');
      setNoteTried(false);
    }
  };

  return (
    <div className={styles.section}>
      <Subtitle2 as="h4" className={styles.detailHeading}>
        {t(locale, 'tab.support.actions.heading')}
      </Subtitle2>
      {request.status === 'new' && (
        <div className={styles.section}>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={off}
              onClick={() => void act({ kind: 'acknowledge' })}
            >
              {t(locale, 'talk.staff.acknowledge')}
            </Button>
          </div>
          <ActionAlert {...props} action="acknowledge" />
        </div>
      )}

      <div className={styles.section}>
        <div className={styles.actions}>
          <Field
            className={styles.field}
            label={t(locale, 'talk.staff.noteLabel')}
            hint={t(locale, 'tab.support.actions.noteCount', { count: note.trim().length })}
            validationState={noteInvalid ? 'error' : 'none'}
            validationMessage={noteInvalid ? t(locale, 'talk.staff.noteProblem') : undefined}
          >
            <Textarea value={note} resize="vertical" onChange={(_e, data) => setNote(data.value)} />
          </Field>
          <Button disabled={off} onClick={() => void saveNote()}>
            {t(locale, 'talk.staff.saveNote')}
          </Button>
        </div>
        <ActionAlert {...props} action="note" />
      </div>

      <div className={styles.section}>
        <div className={styles.actions}>
          <Field className={styles.field} label={t(locale, 'talk.staff.referLabel')}>
            <Select
              value={referTo}
              onChange={(_e, data) => setReferTo(data.value as ReferralTarget | '')}
            >
              <option value="">{t(locale, 'tab.support.actions.referChoose')}</option>
              {referralTargets.map((to) => (
                <option key={to} value={to}>
                  {referralLabel(locale, to)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={off || referTo === ''}
            onClick={() => referTo && void act({ kind: 'refer', to: referTo })}
          >
            {t(locale, 'talk.staff.refer')}
          </Button>
        </div>
        <ActionAlert {...props} action="refer" />
      </div>

      <div className={styles.section}>
        <div className={styles.actions}>
          <Button disabled={off} onClick={() => void act({ kind: 'resolve' })}>
            {t(locale, 'talk.staff.resolve')}
          </Button>
        </div>
        <ActionAlert {...props} action="resolve" />
      </div>
    </div>
  );
}

/**
 * The error of an action, next to it. The alert region is always in the page, so it is announced
 * when the message appears; empty, it takes no room.
 */
function ActionAlert(props: RequestDetailProps & { action: ActionKind | ActionKind[] }) {
  const { locale, actionError, action } = props;
  const styles = useInboxStyles();
  const key =
    actionError && [action].flat().includes(actionError.action) ? actionError.key : undefined;
  return (
    <div role="alert" className={styles.alert}>
      {key && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t(locale, key)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
