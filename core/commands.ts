/**
 * Bot commands as data: which exist, who may use them and where. The help card lists the ones a
 * person can use; the bot routes by the same names. Later features add entries here.
 */
import type { Role } from './roles.js';

export type CommandScope = 'team' | 'personal' | 'groupChat';

export interface CommandSpec {
  name: 'help' | 'prompts' | 'schedule' | 'schedules' | 'cmhw' | 'checkin' | 'talk' | 'buddy';
  scopes: readonly CommandScope[];
  /** Empty means everyone. */
  roles: readonly Role[];
}

export const commands: readonly CommandSpec[] = [
  { name: 'help', scopes: ['team', 'personal', 'groupChat'], roles: [] },
  // Connect: planning posts into a class's channels (teachers; the wellbeing lead and admin too).
  { name: 'prompts', scopes: ['team'], roles: ['teacher', 'wellbeing_lead', 'admin'] },
  { name: 'schedule', scopes: ['team'], roles: ['teacher', 'wellbeing_lead', 'admin'] },
  { name: 'schedules', scopes: ['team'], roles: ['teacher', 'wellbeing_lead', 'admin'] },
  { name: 'cmhw', scopes: ['team'], roles: ['teacher', 'wellbeing_lead', 'admin'] },
  // Check in: post a check-in card for the class to answer now.
  { name: 'checkin', scopes: ['team'], roles: ['teacher', 'wellbeing_lead', 'admin'] },
  // Support: a pupil asks to talk to a trusted adult, in their own chat with Belong (the help card
  // lists it only while the school can take requests; typed in a channel, the bot answers with a
  // button whose answers only the pupil sees).
  { name: 'talk', scopes: ['personal'], roles: ['pupil'] },
  // A buddy from the wellbeing ambassadors on duty at a break or lunch.
  { name: 'buddy', scopes: ['personal'], roles: ['pupil'] },
];

export type CommandName = CommandSpec['name'];

export function commandsFor(scope: CommandScope, roles: readonly Role[]): CommandSpec[] {
  return commands.filter(
    (c) =>
      c.scopes.includes(scope) && (c.roles.length === 0 || c.roles.some((r) => roles.includes(r))),
  );
}

/** Reads the first word of a message (after the @mention is removed) as a command name. */
export function parseCommand(text: string | undefined): { name: string; rest: string } {
  const trimmed = (text ?? '').replace(/\s+/g, ' ').trim();
  const [first = '', ...rest] = trimmed.split(' ');
  return { name: first.toLowerCase().replace(/^\//, ''), rest: rest.join(' ') };
}

export function isCommandName(name: string): name is CommandName {
  return commands.some((c) => c.name === name);
}
