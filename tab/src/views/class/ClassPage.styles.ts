import { makeStyles, tokens } from '@fluentui/react-components';

export const useClassPageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  // The tab list scrolls sideways on its own rather than pushing the page wider on a phone.
  tabs: { overflowX: 'auto', maxWidth: '100%' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});
