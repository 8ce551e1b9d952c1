import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { CmhwWeek, Prompt } from '../../../../core/api/connect.js';
import { usePostsStyles } from './Posts.styles.js';
import { useAdaptiveCard } from './useAdaptiveCard.js';

export interface CardPreviewProps {
  /** The language of the page around the preview. */
  readerLocale: Locale;
  /** The language the post is written in. */
  locale: Locale;
  prompt: Prompt;
  cmhw?: { week: CmhwWeek; day: number } | undefined;
}

/**
 * The exact card the bot will post: the bot's own builder, drawn by the Adaptive Cards renderer.
 * A chunk of its own, so the renderer loads only when someone previews a post.
 */
export default function CardPreview({ readerLocale, locale, prompt, cmhw }: CardPreviewProps) {
  const styles = usePostsStyles();
  const { ref, failed } = useAdaptiveCard({ locale, prompt, cmhw });
  return (
    <>
      <div ref={ref} lang={locale} className={styles.cardHost} data-testid="card-preview" />
      {failed && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(readerLocale, 'tab.connect.preview.failed')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
