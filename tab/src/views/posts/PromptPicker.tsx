import { Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { Prompt } from '../../../../core/api/connect.js';
import { promptTextOf } from './describe.js';
import { filterPrompts, promptFilters, type PostForm } from './post-form.js';
import { usePostsStyles } from './Posts.styles.js';

export interface PromptPickerProps {
  locale: Locale;
  prompts: readonly Prompt[];
  form: PostForm;
  update(patch: Partial<PostForm>): void;
}

/** Filter the library by theme and key stage, and choose one prompt, seeing what it asks. */
export function PromptPicker({ locale, prompts, form, update }: PromptPickerProps) {
  const styles = usePostsStyles();
  const { themes, keyStages } = promptFilters(prompts);
  const shown = filterPrompts(prompts, form);
  return (
    <>
      <div className={styles.row}>
        <Field label={t(locale, 'tab.connect.form.theme')}>
          <Select value={form.theme} onChange={(_e, data) => update({ theme: data.value })}>
            <option value="">{t(locale, 'tab.connect.form.anyTheme')}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(locale, `connect.theme.${theme}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(locale, 'tab.connect.form.keyStage')}>
          <Select value={form.keyStage} onChange={(_e, data) => update({ keyStage: data.value })}>
            <option value="">{t(locale, 'tab.connect.form.anyKeyStage')}</option>
            {keyStages.map((stage) => (
              <option key={stage} value={stage}>
                {stage}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t(locale, 'tab.connect.form.prompt')}>
        {shown.length === 0 ? (
          <Text>{t(locale, 'tab.connect.form.noPrompts')}</Text>
        ) : (
          <RadioGroup
            className={styles.prompts}
            value={form.promptId}
            onChange={(_e, data) => update({ promptId: data.value })}
          >
            {shown.map((prompt) => (
              <Radio
                key={prompt.id}
                value={prompt.id}
                label={
                  <span className={styles.promptLabel}>
                    <span>{promptTextOf(prompt, locale)}</span>
                    <Text size={200} className={styles.promptMeta}>
                      {[
                        t(locale, `connect.theme.${prompt.theme}`),
                        t(locale, `connect.format.${prompt.format}`),
                        t(locale, 'connect.minutes', { count: prompt.minutes }),
                        prompt.keyStages.join(', '),
                      ].join(' · ')}
                    </Text>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        )}
      </Field>
    </>
  );
}
