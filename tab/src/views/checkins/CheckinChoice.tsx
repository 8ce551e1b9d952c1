import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { checkinTemplateIds } from '../../../../core/checkin/templates.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { usePostsStyles } from '../posts/Posts.styles.js';
import type { CheckinTemplateId, Phase } from '../../../../core/api/checkins.js';

export const phaseChoices: readonly Phase[] = ['primary', 'secondary'];

/** Which check-in and whose words: shared with the Posts form. */
export function CheckinChoice(props: {
  locale: Locale;
  templateId: string;
  phase: string;
  onChange(patch: { templateId?: CheckinTemplateId; phase?: Phase }): void;
}) {
  const { locale, templateId, phase, onChange } = props;
  const styles = usePostsStyles();
  return (
    <>
      <Field label={t(locale, 'tab.checkins.post.template')}>
        <RadioGroup
          value={templateId}
          onChange={(_e, data) =>
            onChange({
              templateId: checkinTemplateIds.find((id) => id === data.value) ?? 'daily-mood',
            })
          }
        >
          {checkinTemplateIds.map((id) => (
            <Radio
              key={id}
              value={id}
              label={
                <span className={styles.promptLabel}>
                  <span>{t(locale, `checkin.template.${id}`)}</span>
                  <Text size={200} className={styles.promptMeta}>
                    {t(locale, `checkin.template.${id}.about`)}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t(locale, 'tab.checkins.post.phase')}>
        <RadioGroup
          layout="horizontal"
          value={phase}
          onChange={(_e, data) =>
            onChange({ phase: data.value === 'secondary' ? 'secondary' : 'primary' })
          }
        >
          {phaseChoices.map((p) => (
            <Radio key={p} value={p} label={t(locale, `tab.checkins.post.phase.${p}`)} />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}
