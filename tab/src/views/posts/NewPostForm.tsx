import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type {
  CmhwWeek,
  CreateScheduleRequest,
  CreateScheduleResponse,
  Prompt,
} from '../../../../core/api/connect.js';
import type { ChannelView } from '../../../../core/api.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ProblemsAlert } from '../../components/ProblemsAlert.js';
import { Loading } from '../../components/Loading.js';
import { describeCmhwWeek } from '../../connect/cmhw.js';
import { formatDate } from '../../connect/dates.js';
import { problemMessages } from '../../connect/problems.js';
import type { PromptIndex } from './describe.js';
import {
  phaseChoices,
  postKindOf,
  postKinds,
  previewPrompt,
  repeatChoicesFor,
  schoolWeekdays,
  toggleWeekday,
  withPostKind,
  type PostForm,
  type RepeatChoice,
} from './post-form.js';
import { CheckinChoice } from '../checkins/CheckinChoice.js';
import { isCheckinTemplateId } from '../../../../core/checkin/templates.js';
import { PromptPicker } from './PromptPicker.js';
import { usePostsStyles } from './Posts.styles.js';
import { useNewPostForm, type SubmitState } from './useNewPostForm.js';
import { ChannelSelect } from '../../components/ChannelSelect.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

// The Adaptive Cards renderer is the biggest thing in this view: it loads with the first preview.
const CardPreview = lazy(() => import('./CardPreview.js'));
const CheckinCardPreview = lazy(() => import('../checkins/CheckinCardPreview.js'));

export interface NewPostFormProps {
  locale: Locale;
  today: string;
  channels: readonly ChannelView[];
  prompts: readonly Prompt[];
  promptIndex: PromptIndex;
  weeks: readonly CmhwWeek[];
  openWeeks: readonly CmhwWeek[];
  /** Changing an existing post: its form, and the way back to a new post. */
  initial?: PostForm;
  onStopEditing?: () => void;
  create(body: CreateScheduleRequest): Promise<CreateScheduleResponse>;
}

export function NewPostForm(props: NewPostFormProps) {
  const { locale, channels, prompts, promptIndex, weeks, openWeeks } = props;
  const styles = usePostsStyles();
  const { form, update, submit, submitState } = useNewPostForm(props);
  const preview = useMemo(
    () => previewPrompt(form, promptIndex, weeks),
    [form, promptIndex, weeks],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const dated = form.repeat === 'daily' || form.repeat === 'weekly';
  const kind = postKindOf(form);
  const checkinTemplateId = isCheckinTemplateId(form.checkinTemplateId)
    ? form.checkinTemplateId
    : undefined;

  return (
    <div className={styles.composer}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field label={t(locale, 'tab.checkins.posts.what')}>
          <RadioGroup
            layout="horizontal"
            value={kind}
            onChange={(_e, data) =>
              update(withPostKind(form, data.value === 'checkin' ? 'checkin' : 'prompt'))
            }
          >
            {postKinds.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={t(locale, `tab.checkins.posts.${choice}`)}
              />
            ))}
          </RadioGroup>
        </Field>

        <Field label={t(locale, 'tab.connect.form.repeat')}>
          <RadioGroup
            value={form.repeat}
            onChange={(_e, data) => update({ repeat: data.value as RepeatChoice })}
          >
            {repeatChoicesFor(kind).map((choice) => (
              <Radio key={choice} value={choice} label={t(locale, `connect.repeat.${choice}`)} />
            ))}
          </RadioGroup>
        </Field>

        {kind === 'checkin' ? (
          <CheckinChoice
            locale={locale}
            templateId={form.checkinTemplateId}
            phase={form.phase}
            onChange={({ templateId, phase }) =>
              update({
                ...(templateId ? { checkinTemplateId: templateId } : {}),
                ...(phase ? { phase } : {}),
              })
            }
          />
        ) : form.repeat === 'cmhw' ? (
          openWeeks.length === 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t(locale, 'tab.connect.cmhw.none')}</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.row}>
              <Field label={t(locale, 'tab.connect.form.year')}>
                <Select
                  value={String(form.year)}
                  onChange={(_e, data) => update({ year: Number(data.value) })}
                >
                  {openWeeks.map((week) => (
                    <option key={week.year} value={week.year}>
                      {describeCmhwWeek(week, locale)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t(locale, 'tab.connect.form.phase')}>
                <Select
                  value={form.phase}
                  onChange={(_e, data) =>
                    update({ phase: data.value === 'secondary' ? 'secondary' : 'primary' })
                  }
                >
                  {phaseChoices.map((phase) => (
                    <option key={phase} value={phase}>
                      {t(locale, `connect.phase.${phase}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )
        ) : (
          <PromptPicker locale={locale} prompts={prompts} form={form} update={update} />
        )}

        <div className={styles.row}>
          <Field label={t(locale, 'tab.connect.form.channel')}>
            <ChannelSelect
              channels={channels}
              value={form.channelId}
              onChange={(channelId) => update({ channelId })}
            />
          </Field>
          <Field label={t(locale, 'tab.connect.form.time')}>
            <Input
              type="time"
              value={form.time}
              onChange={(_e, data) => update({ time: data.value })}
            />
          </Field>
        </div>

        {form.repeat === 'once' && (
          <Field label={t(locale, 'tab.connect.form.date')}>
            <Input
              type="date"
              value={form.date}
              onChange={(_e, data) => update({ date: data.value })}
            />
          </Field>
        )}
        {dated && (
          <div className={styles.row}>
            <Field label={t(locale, 'tab.connect.form.start')}>
              <Input
                type="date"
                value={form.start}
                onChange={(_e, data) => update({ start: data.value })}
              />
            </Field>
            <Field label={t(locale, 'tab.connect.form.end')}>
              <Input
                type="date"
                value={form.end}
                onChange={(_e, data) => update({ end: data.value })}
              />
            </Field>
          </div>
        )}
        {form.repeat === 'weekly' && (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t(locale, 'tab.connect.form.weekdays')}</legend>
            {schoolWeekdays.map((day) => (
              <Checkbox
                key={day}
                label={t(locale, `connect.weekday.${day}`)}
                checked={form.weekdays.includes(day)}
                onChange={(_e, data) =>
                  update({ weekdays: toggleWeekday(form.weekdays, day, data.checked === true) })
                }
              />
            ))}
          </fieldset>
        )}

        <Field label={t(locale, 'tab.connect.form.language')}>
          <LanguageSelect
            locale={locale}
            value={form.locale}
            onChange={(next) => update({ locale: next })}
          />
        </Field>

        <Outcome locale={locale} state={submitState} />

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={submitState.kind === 'saving'}>
            {submitState.kind === 'saving'
              ? t(locale, 'tab.connect.form.saving')
              : t(locale, props.initial ? 'tab.connect.form.save' : 'tab.connect.form.submit')}
          </Button>
          {props.onStopEditing && (
            <Button onClick={props.onStopEditing}>
              {t(locale, 'tab.connect.form.stopEditing')}
            </Button>
          )}
        </div>
      </form>

      <section className={styles.preview} aria-label={t(locale, 'tab.connect.preview.label')}>
        <Text weight="semibold">{t(locale, 'tab.connect.preview.heading')}</Text>
        {kind === 'checkin' && checkinTemplateId ? (
          <>
            <Text>{t(locale, 'tab.checkins.posts.previewIntro')}</Text>
            <Suspense fallback={<Loading label={t(locale, 'tab.connect.preview.loading')} />}>
              <CheckinCardPreview
                readerLocale={locale}
                locale={form.locale}
                templateId={checkinTemplateId}
                phase={form.phase}
                date={form.repeat === 'once' ? form.date : form.start}
              />
            </Suspense>
          </>
        ) : preview ? (
          <>
            <Text>
              {t(
                locale,
                preview.cmhw ? 'tab.connect.preview.cmhwIntro' : 'tab.connect.preview.intro',
              )}
            </Text>
            <Suspense fallback={<Loading label={t(locale, 'tab.connect.preview.loading')} />}>
              <CardPreview
                readerLocale={locale}
                locale={form.locale}
                prompt={preview.prompt}
                cmhw={preview.cmhw}
              />
            </Suspense>
          </>
        ) : (
          <Text>{t(locale, 'tab.connect.preview.none')}</Text>
        )}
      </section>
    </div>
  );
}

function Outcome(props: { locale: Locale; state: SubmitState }) {
  const { locale, state } = props;
  if (state.kind === 'created') {
    const when = state.next
      ? t(locale, 'tab.connect.dateAt', {
          date: formatDate(locale, state.next.date),
          time: state.time,
        })
      : undefined;
    return (
      <div role="status">
        <MessageBar intent="success">
          <MessageBarBody>
            {when
              ? t(locale, 'tab.connect.form.created', { when })
              : t(locale, 'tab.connect.form.createdNoNext')}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const problems =
    state.kind === 'missing'
      ? state.keys.map((key) => t(locale, key))
      : state.kind === 'failed'
        ? problemMessages(state.error, locale)
        : undefined;
  if (state.kind === 'failed' && !problems)
    return <ErrorState locale={locale} error={state.error} />;
  return <ProblemsAlert locale={locale} problems={problems} />;
}
