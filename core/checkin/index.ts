/**
 * What other core folders use of check-ins: the template ids a schedule may name. Inside core/ a
 * feature folder is imported only through its index (.dependency-cruiser.cjs says why).
 */
export { isCheckinTemplateId, type CheckinTemplateId } from './templates.js';
