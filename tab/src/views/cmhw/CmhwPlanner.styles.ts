import { makeStyles, tokens } from '@fluentui/react-components';

export const useCmhwPlannerStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    // minWidth 0: a field may be narrower than its longest option (the week's long name), so
    // the page never grows wider than a 400 px window.
    '> *': { flexGrow: 1, flexBasis: '14rem', minWidth: 0 },
    // The week's name is the long one: it gets the room.
    '> :first-child': { flexGrow: 2 },
  },
  select: { maxWidth: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
  scroller: { overflowX: 'auto' },
  table: { minWidth: '36rem', tableLayout: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
