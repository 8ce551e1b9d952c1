import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const useAuditLogStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  entries: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  entry: {
    display: 'grid',
    // Time and number beside the sentence on a wide screen; above it on a phone.
    gridTemplateColumns: 'minmax(10rem, 12rem) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  when: { display: 'flex', flexDirection: 'column' },
  number: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  broken: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  sentence: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
