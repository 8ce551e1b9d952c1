import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/**
 * Heat-map colours: one blue ramp (readable with any colour vision), light to dark as the share
 * at 4–5 grows; each with a text colour of at least 4.5:1 contrast. Withheld cells are hatched
 * grey. The cells carry their numbers as text, so nothing depends on colour alone.
 */
export const bucketColours = [
  { background: '#f3f7fc', color: '#242424' },
  { background: '#d4e4f5', color: '#242424' },
  { background: '#a4c6ea', color: '#242424' },
  { background: '#5b9bd5', color: '#000000' },
  { background: '#1f4e79', color: '#ffffff' },
] as const;

const hatch = 'repeating-linear-gradient(135deg, #ededed 0 6px, #d9d9d9 6px 12px)';

export const useSchoolTrendsStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalXL,
  },
  question: { minWidth: '16rem' },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  download: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: '2px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalS,
  },
  colHeader: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    minWidth: '7rem',
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
  },
  rowHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    position: 'sticky',
    left: 0,
    zIndex: 1,
    // The page's own background, so cells scrolled under it are hidden.
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: '9rem',
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
  },
  groupHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalM,
    ...shorthands.padding(tokens.spacingVerticalM, tokens.spacingHorizontalS, '0'),
  },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, fontWeight: 'normal' },
  cell: {
    verticalAlign: 'top',
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    // Windows high contrast replaces the colours: keep cells apart with a border.
    '@media (forced-colors: active)': { ...shorthands.border('1px', 'solid', 'CanvasText') },
  },
  line: { display: 'block', whiteSpace: 'nowrap' },
  first: { display: 'block', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  b0: bucketColours[0],
  b1: bucketColours[1],
  b2: bucketColours[2],
  b3: bucketColours[3],
  b4: bucketColours[4],
  withheld: { backgroundImage: hatch, color: '#242424' },
  none: {
    color: tokens.colorNeutralForeground2,
    ...shorthands.border('1px', 'dashed', tokens.colorNeutralStroke1),
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  swatch: {
    display: 'inline-block',
    width: '1.5rem',
    height: '1rem',
    flexShrink: 0,
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  kInput: { maxWidth: '8rem' },
  settingsTable: { maxWidth: '32rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
