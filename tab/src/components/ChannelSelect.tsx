import { Select } from '@fluentui/react-components';
import type { ChannelView } from '../../../core/api/teams.js';

export interface ChannelSelectProps {
  channels: readonly ChannelView[];
  value: string;
  onChange(channelId: string): void;
  /** A placeholder option shown while `value` is none of `channels` (nothing chosen yet). */
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** A class team's channel to post into, by the channel's name. */
export function ChannelSelect(props: ChannelSelectProps) {
  const { channels, value, onChange, placeholder, disabled } = props;
  const known = channels.some((c) => c.id === value);
  return (
    <Select
      {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
      {...(disabled ? { disabled } : {})}
      value={known || placeholder === undefined ? value : ''}
      onChange={(_e, data) => onChange(data.value)}
    >
      {!known && placeholder !== undefined && <option value="">{placeholder}</option>}
      {channels.map((channel) => (
        <option key={channel.id} value={channel.id}>
          {channel.name}
        </option>
      ))}
    </Select>
  );
}
