import { makeStyles, tokens } from '@fluentui/react-components';

export const usePersonaPickerStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  person: { width: '100%', height: '100%', justifyContent: 'flex-start', textAlign: 'start' },
});
