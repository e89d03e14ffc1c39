/**
 * VTIMEZONE blocks for calendar feeds. RFC 5545 wants every TZID defined in the file; calendar
 * clients that do not know IANA names rely on it. Finland follows the EU rule: summer time from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 */
const HELSINKI = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'X-LIC-LOCATION:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** Null for a zone we have no definition of: the TZID then stands alone, as most clients accept. */
export function vtimezoneOf(timeZone: string): string | null {
  return timeZone === 'Europe/Helsinki' ? HELSINKI : null;
}
