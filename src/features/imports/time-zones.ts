/**
 * Time-zone names as calendars write them, turned into IANA zones. Outlook and Exchange write
 * Windows names ("W. Europe Standard Time") or their display names ("(UTC+01:00) Amsterdam, Berlin,
 * …"); node-ical knows most of them, this map covers the common European ones it might not, and
 * anything unknown is read as Stockholm time: the calendars imported here belong to Swedish
 * organisations. Pure.
 */

export const FALLBACK_ZONE = 'Europe/Stockholm';

/** Windows zone names (and their Outlook display names) used in Europe, with the IANA zone of the same rules. */
const WINDOWS_ZONES: Record<string, string> = {
  'w. europe standard time': 'Europe/Stockholm',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  'gtb standard time': 'Europe/Bucharest',
  'e. europe standard time': 'Europe/Chisinau',
  'kaliningrad standard time': 'Europe/Kaliningrad',
  'russian standard time': 'Europe/Moscow',
  'turkey standard time': 'Europe/Istanbul',
  'belarus standard time': 'Europe/Minsk',
  'utc': 'UTC',
  'coordinated universal time': 'UTC',
  '(utc+01:00) amsterdam, berlin, bern, rome, stockholm, vienna': 'Europe/Stockholm',
  '(utc+01:00) brussels, copenhagen, madrid, paris': 'Europe/Paris',
  '(utc+01:00) belgrade, bratislava, budapest, ljubljana, prague': 'Europe/Budapest',
  '(utc+01:00) sarajevo, skopje, warsaw, zagreb': 'Europe/Warsaw',
  '(utc+00:00) dublin, edinburgh, lisbon, london': 'Europe/London',
  '(utc) dublin, edinburgh, lisbon, london': 'Europe/London',
  '(utc+02:00) helsinki, kyiv, riga, sofia, tallinn, vilnius': 'Europe/Helsinki',
  '(utc+02:00) athens, bucharest': 'Europe/Bucharest',
};

/** True when the runtime knows the zone ("Europe/Stockholm", "Etc/UTC"); false for anything else. */
export function isIanaZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA zone for a TZID or X-WR-TIMEZONE value: an IANA name as it is, a Windows or Outlook
 * display name through the map, anything else (missing, unknown, "Customized Time Zone") Stockholm.
 */
export function ianaZoneFor(tzid: string | null | undefined): string {
  const name = (tzid ?? '').trim().replace(/^"(.*)"$/, '$1').trim();
  if (name === '') return FALLBACK_ZONE;
  if (isIanaZone(name)) return name;
  return WINDOWS_ZONES[name.toLowerCase().replace(/\s+/g, ' ')] ?? FALLBACK_ZONE;
}
