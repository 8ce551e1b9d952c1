import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { ClassTeamView } from '../../../core/api.js';
import { sectionHref, type SectionRoute } from '../routing/route.js';

const useStyles = makeStyles({ picker: { maxWidth: '20rem' } });

/**
 * Chooses which class a class section (Posts, Check-ins) is about; the choice is the route, so
 * it survives a reload. Shown only when there is more than one class to choose from.
 */
export function ClassPicker(props: {
  label: string;
  section: SectionRoute;
  teams: readonly ClassTeamView[];
  teamId: string;
}) {
  const styles = useStyles();
  if (props.teams.length < 2) return null;
  return (
    <Field label={props.label} className={styles.picker}>
      <Select
        value={props.teamId}
        onChange={(_e, data) => {
          window.location.hash = sectionHref(props.section, data.value);
        }}
      >
        {props.teams.map((option) => (
          <option key={option.teamId} value={option.teamId}>
            {option.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
