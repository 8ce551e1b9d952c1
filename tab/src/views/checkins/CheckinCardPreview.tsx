import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMemo } from 'react';
import { buildCheckinCard } from '../../../../bot/cards/checkin-card.js';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { usePostsStyles } from '../posts/Posts.styles.js';
import { useRenderedCard } from '../posts/useAdaptiveCard.js';
import type { CheckinTemplateId, Phase } from '../../../../core/api/checkins.js';
import { previewCheckin, schoolToday } from './checkin-preview.js';

export interface CheckinCardPreviewProps {
  /** The language of the page around the preview. */
  readerLocale: Locale;
  /** The language the card is written in. */
  locale: Locale;
  templateId: CheckinTemplateId;
  phase: Phase;
  /** The day it is posted (YYYY-MM-DD); today when not given. */
  date?: string | undefined;
}

/**
 * The check-in card as the bot posts it (its own builder, before any pupil answers), drawn by
 * the Adaptive Cards renderer. A chunk of its own, so the renderer loads only with a preview.
 */
export default function CheckinCardPreview(props: CheckinCardPreviewProps) {
  const { readerLocale, locale, templateId, phase, date } = props;
  const styles = usePostsStyles();
  const card = useMemo(
    () =>
      buildCheckinCard(
        {
          kind: 'form',
          checkin: previewCheckin({ templateId, phase, locale, today: date || schoolToday() }),
        },
        locale,
        [],
      ),
    [templateId, phase, locale, date],
  );
  const { ref, failed } = useRenderedCard(card, { withInputs: true });
  return (
    <>
      <div
        ref={ref}
        lang={locale}
        className={styles.cardHost}
        data-testid="card-preview"
        // A picture of the card: its buttons are there to be seen, not pressed.
        inert
      />
      {failed && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(readerLocale, 'tab.checkins.preview.failed')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
