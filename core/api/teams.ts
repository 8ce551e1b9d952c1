/**
 * Shapes of the class teams part of the tab API (server/http/api.ts): the class teams Belong is
 * installed in that the caller can see, with their channels.
 */
export interface ChannelView {
  id: string;
  name: string;
}
export interface ClassTeamView {
  teamId: string;
  name: string;
  channels: ChannelView[];
  installedAt: string;
}
export interface TeamsResponse {
  teams: ClassTeamView[];
}
