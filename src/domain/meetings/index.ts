export * from './types';
export { councilTermOn, IRREGULAR_TERMS, type CouncilTerm } from './council-term';
export { compareMeetings, mergeMeetings } from './merge-meetings';
export { epochMs, meetingDay, parseMeetingTime } from './meeting-time';
export { meetingManagementRefusal } from './permissions';
export {
  meetingRefusal,
  type MeetingProblem,
  type MeetingProblemCode,
  type MeetingRefusal,
  type MeetingRefusalCode,
} from './refusal';
export { statutoryFlags, type StatutoryCalendarInput, type StatutoryFlag } from './statutory-calendar';
export { nextMeeting, previousMeeting } from './timeline';
export {
  checkMeetingDetails,
  checkMeetingTimes,
  MEETING_LIMITS,
  type MeetingDetails,
  type MeetingTimesCheck,
} from './validation';
