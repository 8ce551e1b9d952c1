import { tokens } from '@fluentui/react-components';
import { AdaptiveCard, GlobalSettings, HostConfig } from 'adaptivecards';
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildPromptCard, type PromptCardView } from '../../../../bot/cards/prompt-card.js';

// A preview is something to look at, not a stop for the keyboard.
GlobalSettings.setTabIndexAtCardRoot = false;

const colour = (normal: string, subtle: string) => ({ default: normal, subtle });
const foreground = {
  default: colour(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  dark: colour(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  light: colour(tokens.colorNeutralForeground2, tokens.colorNeutralForeground3),
  accent: colour(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
  good: colour(tokens.colorPaletteGreenForeground1, tokens.colorPaletteGreenForeground2),
  warning: colour(
    tokens.colorPaletteDarkOrangeForeground1,
    tokens.colorPaletteDarkOrangeForeground2,
  ),
  attention: colour(tokens.colorPaletteRedForeground1, tokens.colorPaletteRedForeground2),
};

/**
 * Colours are Fluent's CSS variables, so the card follows the tab's theme (light, dark, high
 * contrast) the way Teams themes the cards it renders, without drawing it again.
 */
const hostConfigOf = (supportsInteractivity: boolean) =>
  new HostConfig({
    supportsInteractivity,
    fontFamily: tokens.fontFamilyBase,
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    // A card's heading sits under the preview's own (level 3) section heading.
    textBlock: { headingLevel: 4 },
    containerStyles: {
      default: { backgroundColor: tokens.colorNeutralBackground1, foregroundColors: foreground },
      emphasis: { backgroundColor: tokens.colorNeutralBackground3, foregroundColors: foreground },
    },
  });
const hostConfig = hostConfigOf(false);
/**
 * For cards whose buttons are their content (a check-in's faces and choices): drawn, but the
 * preview's host is `inert`, so they are not stops for the keyboard and do nothing.
 */
const interactiveHostConfig = hostConfigOf(true);

/** Renders the prompt card into the returned ref's element; `failed` if the renderer could not. */
export function useAdaptiveCard(view: PromptCardView) {
  const { locale, prompt, cmhw } = view;
  const week = cmhw?.week;
  const day = cmhw?.day;
  const card = useMemo(
    () => buildPromptCard({ locale, prompt, ...(week && day ? { cmhw: { week, day } } : {}) }),
    [locale, prompt, week, day],
  );
  return useRenderedCard(card);
}

/**
 * Renders any card the bot's builders made (a prompt, a check-in) into the returned ref's
 * element; `failed` if the renderer could not. A new card object draws it again.
 */
export function useRenderedCard(json: object, opts: { withInputs?: boolean } = {}) {
  const withInputs = opts.withInputs ?? false;
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    let rendered: HTMLElement | undefined;
    try {
      const card = new AdaptiveCard();
      card.hostConfig = withInputs ? interactiveHostConfig : hostConfig;
      card.parse(json);
      rendered = card.render();
    } catch {
      rendered = undefined;
    }
    host.replaceChildren(...(rendered ? [rendered] : []));
    setFailed(!rendered);
    return () => host.replaceChildren();
  }, [json, withInputs]);

  return { ref, failed };
}
