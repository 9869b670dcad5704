import { describe, expect, it } from 'vitest';
import { FALLBACK_ZONE, ianaZoneFor, isIanaZone } from './time-zones.js';

describe('time-zone names from calendars', () => {
  it('keeps IANA names as they are', () => {
    expect(ianaZoneFor('Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(ianaZoneFor('Europe/Helsinki')).toBe('Europe/Helsinki');
    expect(ianaZoneFor('"Europe/London"')).toBe('Europe/London');
    expect(ianaZoneFor('Etc/UTC')).toBe('Etc/UTC');
  });

  it('reads the Windows names Outlook and Exchange write', () => {
    expect(ianaZoneFor('W. Europe Standard Time')).toBe('Europe/Stockholm');
    expect(ianaZoneFor('Romance Standard Time')).toBe('Europe/Paris');
    expect(ianaZoneFor('GMT Standard Time')).toBe('Europe/London');
    expect(ianaZoneFor('FLE Standard Time')).toBe('Europe/Helsinki');
    expect(ianaZoneFor('Central Europe Standard Time')).toBe('Europe/Budapest');
    expect(ianaZoneFor('Central European Standard Time')).toBe('Europe/Warsaw');
    expect(ianaZoneFor('GTB Standard Time')).toBe('Europe/Bucharest');
    expect(ianaZoneFor('  w. europe   standard time ')).toBe('Europe/Stockholm');
  });

  it('reads Outlook display names', () => {
    expect(ianaZoneFor('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toBe('Europe/Stockholm');
    expect(ianaZoneFor('"(UTC+00:00) Dublin, Edinburgh, Lisbon, London"')).toBe('Europe/London');
    expect(ianaZoneFor('(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius')).toBe('Europe/Helsinki');
  });

  it('reads anything unknown, missing or custom as Stockholm time', () => {
    expect(FALLBACK_ZONE).toBe('Europe/Stockholm');
    for (const name of ['Customized Time Zone', 'tzone://Microsoft/Custom', 'Foo Standard Time', '', '   ', null, undefined, 'Mars/Olympus_Mons']) {
      expect(ianaZoneFor(name), String(name)).toBe('Europe/Stockholm');
    }
  });

  it('tells zones the runtime knows from other text', () => {
    expect(isIanaZone('Europe/Stockholm')).toBe(true);
    expect(isIanaZone('UTC')).toBe(true);
    expect(isIanaZone('W. Europe Standard Time')).toBe(false);
    expect(isIanaZone('Europe/Nowhere')).toBe(false);
    expect(isIanaZone('../../etc/passwd')).toBe(false);
  });
});
