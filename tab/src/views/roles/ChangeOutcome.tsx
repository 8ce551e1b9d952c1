import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { forwardRef } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ProblemsAlert } from '../../components/ProblemsAlert.js';
import { roleProblems } from './role-problems.js';
import { personName, roleNames } from './roles-view.js';
import type { ChangeSource, ChangeState } from './useSchoolRoles.js';

/**
 * What became of a change of roles, beside the control that made it: saved (a polite status),
 * or why not (an alert). Both regions are always in the page, so screen readers announce them.
 * It can take focus, so that focus has somewhere to go when a Remove button goes away.
 */
export const ChangeOutcome = forwardRef<
  HTMLDivElement,
  { locale: Locale; change: ChangeState; from: ChangeSource }
>(function ChangeOutcome({ locale, change, from }, ref) {
  const mine = change.kind !== 'idle' && change.from === from;
  const problems =
    mine && change.kind === 'failed' ? roleProblems(change.error, locale) : undefined;
  return (
    <div ref={ref} tabIndex={-1}>
      <div role="status">
        {mine && change.kind === 'saved' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{savedText(locale, change)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ProblemsAlert locale={locale} problems={problems} />
      {mine && change.kind === 'failed' && !problems && (
        <ErrorState locale={locale} error={change.error} />
      )}
    </div>
  );
});

function savedText(locale: Locale, change: Extract<ChangeState, { kind: 'saved' }>): string {
  const name = personName(locale, change.holder);
  if (!change.changed) return t(locale, 'tab.roles.unchanged', { name });
  return change.holder.roles.length
    ? t(locale, 'tab.roles.saved', { name, roles: roleNames(locale, change.holder.roles) })
    : t(locale, 'tab.roles.savedNone', { name });
}
