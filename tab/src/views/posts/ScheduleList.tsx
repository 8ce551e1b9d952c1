import {
  Badge,
  Button,
  Card,
  CardFooter,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { ScheduleView } from '../../../../core/api/connect.js';
import { ErrorState } from '../../components/ErrorState.js';
import { formatDate } from '../../connect/dates.js';
import { describeWhat, describeWhen, type PromptIndex } from './describe.js';
import { PostOutcome } from './PostOutcome.js';
import { usePostsStyles } from './Posts.styles.js';

export interface ScheduleListProps {
  client: ApiClient;
  locale: Locale;
  schedules: readonly ScheduleView[];
  prompts: PromptIndex;
  onCancel(scheduleId: string): Promise<void>;
  onEdit(view: ScheduleView): void;
}

export function ScheduleList(props: ScheduleListProps) {
  const { client, locale, schedules, prompts, onCancel, onEdit } = props;
  const styles = usePostsStyles();
  if (schedules.length === 0) return <Text>{t(locale, 'tab.connect.schedules.empty')}</Text>;
  return (
    <ul className={styles.plainList}>
      {schedules.map((view) => (
        <li key={view.schedule.id}>
          <ScheduleCard
            client={client}
            locale={locale}
            view={view}
            prompts={prompts}
            onCancel={onCancel}
            onEdit={onEdit}
          />
        </li>
      ))}
    </ul>
  );
}

const statusColour = { active: 'success', ended: 'informative', cancelled: 'subtle' } as const;

function ScheduleCard(props: {
  client: ApiClient;
  locale: Locale;
  view: ScheduleView;
  prompts: PromptIndex;
  onCancel(scheduleId: string): Promise<void>;
  onEdit(view: ScheduleView): void;
}) {
  const { client, locale, view, prompts, onCancel, onEdit } = props;
  const styles = usePostsStyles();
  const recentId = useId();
  const { schedule, upcoming, recent } = view;
  const what = describeWhat(schedule, prompts, locale);
  const next = upcoming[0];
  return (
    <Card>
      <CardHeader
        header={
          <Subtitle2 as="h4" className={styles.heading}>
            {what}
          </Subtitle2>
        }
        action={
          <Badge appearance="tint" shape="rounded" color={statusColour[schedule.status]}>
            {t(locale, `tab.connect.status.${schedule.status}`)}
          </Badge>
        }
      />
      <dl className={styles.facts}>
        <dt className={styles.factName}>{t(locale, 'tab.connect.schedules.channel')}</dt>
        <dd className={styles.factValue}>{view.channelName}</dd>
        <dt className={styles.factName}>{t(locale, 'tab.connect.schedules.when')}</dt>
        <dd className={styles.factValue}>{describeWhen(schedule, locale)}</dd>
        {schedule.status === 'active' && (
          <>
            <dt className={styles.factName}>{t(locale, 'tab.connect.schedules.next')}</dt>
            <dd className={styles.factValue}>
              {next
                ? t(locale, 'tab.connect.dateAt', {
                    date: formatDate(locale, next.date),
                    time: schedule.time,
                  })
                : t(locale, 'tab.connect.schedules.noNext')}
            </dd>
          </>
        )}
      </dl>
      {recent.length > 0 && (
        <div>
          <Text weight="semibold" id={recentId}>
            {t(locale, 'tab.connect.schedules.recent')}
          </Text>
          <ul className={styles.recent} aria-labelledby={recentId}>
            {recent.map((post) => (
              <li key={post.occurrenceId} className={styles.recentItem}>
                <Text>
                  {t(locale, 'tab.connect.dateAt', {
                    date: formatDate(locale, post.date),
                    time: schedule.time,
                  })}
                </Text>
                <PostOutcome client={client} locale={locale} post={post} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {schedule.status === 'active' && (
        <CardFooter>
          <Button
            aria-label={t(locale, 'tab.connect.edit.buttonLabel', { what })}
            onClick={() => onEdit(view)}
          >
            {t(locale, 'tab.connect.edit.button')}
          </Button>
          <CancelSchedule locale={locale} what={what} onConfirm={() => onCancel(schedule.id)} />
        </CardFooter>
      )}
    </Card>
  );
}

function CancelSchedule(props: { locale: Locale; what: string; onConfirm(): Promise<void> }) {
  const { locale, what, onConfirm } = props;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button aria-label={t(locale, 'tab.connect.cancel.buttonLabel', { what })}>
          {t(locale, 'tab.connect.cancel.button')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t(locale, 'tab.connect.cancel.title')}</DialogTitle>
          <DialogContent>
            <p>{t(locale, 'tab.connect.cancel.body', { what })}</p>
            {error !== undefined && <ErrorState locale={locale} error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {t(locale, 'tab.connect.cancel.confirm')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t(locale, 'tab.connect.cancel.keep')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
