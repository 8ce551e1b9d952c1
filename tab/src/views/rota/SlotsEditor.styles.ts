import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/**
 * The duties table: at full width a table whose controls fill their cells (never wider, so the
 * Remove buttons stay in view); on a narrow screen each duty is a stacked card, every control
 * under the name of its column.
 */
export const useSlotsStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    '& th, & td': {
      ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
      padding: tokens.spacingHorizontalS,
      verticalAlign: 'top',
      textAlign: 'left',
    },
    '& thead th': { backgroundColor: tokens.colorNeutralBackground3 },
    // Fluent's Input and Select have a minimum width of their own: let the cell decide.
    '& td > .fui-Input, & td > .fui-Select': {
      width: '100%',
      minWidth: 0,
      boxSizing: 'border-box',
    },
    '& td > .fui-Input > input': { minWidth: 0 },
    '@media (max-width: 640px)': {
      '& thead': {
        position: 'absolute',
        width: '1px',
        height: '1px',
        overflow: 'hidden',
        clipPath: 'inset(50%)',
      },
      '& tr': {
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
        gap: tokens.spacingVerticalS,
        padding: tokens.spacingVerticalS,
        marginBottom: tokens.spacingVerticalM,
        ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
      },
      '& td': {
        display: 'flex',
        flexDirection: 'column',
        gap: tokens.spacingVerticalXXS,
        ...shorthands.borderStyle('none'),
        padding: 0,
      },
      '& td:last-child': { justifyContent: 'end', alignItems: 'flex-start' },
      // Each control under the name of its column (the controls keep their own labels too).
      '& td::before': {
        content: 'attr(data-label)',
        fontSize: tokens.fontSizeBase200,
        fontWeight: tokens.fontWeightSemibold,
      },
      '& colgroup': { display: 'none' },
      '& tbody': { display: 'block' },
    },
  },
  day: { width: '9rem' },
  needed: { width: '7rem' },
  week: { width: '8rem' },
  remove: { width: '6.5rem' },
});
