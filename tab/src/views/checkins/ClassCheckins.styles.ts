import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Band colours: Fluent palette tokens, so light, dark and high contrast themes all hold. */
export const bandColours = {
  low: tokens.colorPaletteDarkOrangeBackground3,
  mid: tokens.colorPaletteYellowBackground3,
  high: tokens.colorPaletteGreenBackground3,
  hidden: tokens.colorNeutralBackground5,
} as const;

export const useCheckinsStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    maxWidth: '60rem',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      paddingRight: tokens.spacingHorizontalM,
      ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    },
    '& th': { fontWeight: tokens.fontWeightSemibold },
  },
  /** A wide table scrolls inside its own box on a narrow screen, not the whole page. */
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  /** A status badge wraps its words on a narrow screen instead of spilling out of its border. */
  status: {
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  withheld: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  chart: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(5rem, 1fr) minmax(6rem, max-content)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
    maxWidth: '60rem',
  },
  bar: {
    display: 'flex',
    height: '1.25rem',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  hiddenPart: {
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 4px, ${tokens.colorNeutralStroke1} 4px 6px)`,
  },
  barNote: { color: tokens.colorNeutralForeground2 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: {
    display: 'inline-block',
    width: '0.875rem',
    height: '0.875rem',
    borderRadius: tokens.borderRadiusSmall,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  charts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  chartBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
