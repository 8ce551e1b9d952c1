import { Spinner } from '@fluentui/react-components';

/** A labelled spinner; the label is announced because the wrapper is a polite live region. */
export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
