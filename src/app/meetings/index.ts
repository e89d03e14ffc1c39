export type { AddedOutcome, AddMeetingInput } from './add-meeting';
export type { MeetingTarget, MoveMeetingInput } from './change-meeting';
export type { MeetingServiceDeps } from './context';
export { MeetingService } from './meeting-service';
export { DEFAULT_UID_DOMAIN } from './meetings-ics';
export type { MeetingFailure, MeetingOutcome } from './outcome';
export { meetingFailureText } from './messages';
