/** Card action verbs of Connect; the bot routes each to one handler (bot/connect-actions.ts). */
export const connectVerbs = {
  browsePrompts: 'prompts.browse',
  postPrompt: 'prompts.post',
  scheduleForm: 'schedule.form',
  createSchedule: 'schedule.create',
  listSchedules: 'schedule.list',
  cancelSchedule: 'schedule.cancel',
  runCmhw: 'cmhw.schedule',
} as const;
export type ConnectVerb = (typeof connectVerbs)[keyof typeof connectVerbs];
