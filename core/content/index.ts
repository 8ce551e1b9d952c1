/**
 * What other core folders use of the content library (prompts, key stages, CMHW weeks). Inside
 * core/ a feature folder is imported only through its index (.dependency-cruiser.cjs says why).
 */
export {
  cmhwWeekFor,
  keyStages,
  promptById,
  type CmhwWeek,
  type KeyStage,
  type Phase,
} from './content.js';
export { cmhwChoiceProblemsOf, plannableCmhwWeeks, plannedCmhwWeek } from './cmhw-plan.js';
