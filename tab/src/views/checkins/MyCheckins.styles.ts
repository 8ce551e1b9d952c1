import { makeStyles, tokens } from '@fluentui/react-components';

export const useMyCheckinsStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '40rem',
  },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  when: { color: tokens.colorNeutralForeground2 },
  answers: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  answer: { display: 'flex', flexDirection: 'column' },
  chosen: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  blank: { margin: 0, color: tokens.colorNeutralForeground2 },
});
