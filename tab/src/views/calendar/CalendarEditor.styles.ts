import { makeStyles, tokens } from '@fluentui/react-components';

export const useCalendarEditorStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  scroller: { overflowX: 'auto' },
  // Fluent's fixed layout squeezes the date pickers; let the inputs size the columns.
  table: { minWidth: '40rem', tableLayout: 'auto' },
  nameCell: { width: '35%' },
  input: { width: '100%', minWidth: '9rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
