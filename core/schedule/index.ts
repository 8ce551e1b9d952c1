/**
 * What other core folders use of schedules and the school calendar: school days, the school's
 * default time zone, and who may plan posts into a class. Inside core/ a feature folder is
 * imported only through its index (.dependency-cruiser.cjs says why).
 */
export { isSchoolDay, schoolDaysBetween, type SchoolCalendar } from './calendar.js';
export { defaultTimeZone, maySchedule } from './schedule-service.js';
