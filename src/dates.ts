/**
 * Article dates, read as written and placed on the site's calendar.
 *
 * A date without a time (`2026-01-06`) is a calendar date: it stays that day
 * in the site's time zone. A date-time with an offset is an instant: it lands
 * on whatever day that instant is in the site's time zone. A date-time
 * without an offset is a wall-clock time in the site's time zone. The build
 * machine's own time zone never matters.
 */
import { DateTime, IANAZone } from 'luxon';
import { madeOnce } from './madeOnce.ts';

// ISO 8601 as people write it in front matter: a date, optionally a time
// (`T` or a space), optionally seconds and fractions, optionally an offset;
// and as Jekyll reads it (Ruby's Time.parse): one-digit hours and offsets
// like `2015-03-17 14:00:00 -4` or `2013-11-22 5:00:00 +0000`.
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/i;

/** The same date-time in strict ISO 8601, which luxon reads: hours and offsets in two digits. */
function strictIso(match: RegExpExecArray): string {
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  if (hour === undefined) return `${year}-${month}-${day}`;
  const time = `${hour.padStart(2, '0')}:${minute}${second === undefined ? '' : `:${second}${fraction ?? ''}`}`;
  if (offset === undefined) return `${year}-${month}-${day}T${time}`;
  if (/^z$/i.test(offset)) return `${year}-${month}-${day}T${time}Z`;
  const [, sign, hours, minutes = '00'] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset) ?? [];
  return `${year}-${month}-${day}T${time}${sign}${hours!.padStart(2, '0')}:${minutes}`;
}

/** The example shown when a date cannot be read. */
export const dateExample = 'a date like 2026-01-06 or 2026-01-06T14:30:00-05:00';

/**
 * Reads a front-matter date in the given zone. Accepts ISO 8601 dates and
 * date-times, and RFC 2822 (`Tue, 06 Jan 2026 14:30:00 GMT`, the format of RSS
 * `pubDate`). Returns undefined for anything else, including impossible
 * calendar dates like 2026-02-30. An RFC 2822 date whose day of the week
 * does not match its date (feeds written by hand or by a buggy generator
 * have them) is read by its date: the day's name adds nothing to it.
 */
export function readDate(text: string, timeZone = 'UTC'): DateTime | undefined {
  const trimmed = text.trim();
  const iso = isoDatePattern.exec(trimmed);
  let parsed: DateTime;
  if (iso) {
    parsed = DateTime.fromISO(strictIso(iso), { zone: timeZone, setZone: true });
  } else {
    parsed = DateTime.fromRFC2822(trimmed, { zone: timeZone, setZone: true });
    const withoutWeekday = trimmed.replace(/^[A-Za-z]{3},\s*/, '');
    if (!parsed.isValid && withoutWeekday !== trimmed) parsed = DateTime.fromRFC2822(withoutWeekday, { zone: timeZone, setZone: true });
  }
  return parsed.isValid ? parsed : undefined;
}

export const isValidDate = (text: string): boolean => readDate(text) !== undefined;

export const isValidTimeZone = (name: string): boolean => IANAZone.isValidZone(name);

/** Where a date falls on the site's calendar. */
export interface SiteDate {
  /** The instant, in the site's zone, with its offset: `2026-01-06T00:00:00.000+00:00`. */
  iso: string;
  /** Milliseconds since the epoch, for sorting. */
  epochMs: number;
  year: string;
  /** Two digits, `01` to `12`. */
  month: string;
  /** Two digits, `01` to `31`. */
  day: string;
}

/** Places a valid front-matter date on the site's calendar. */
export function toSiteDate(text: string, timeZone: string): SiteDate {
  const read = readDate(text, timeZone);
  if (!read) throw new Error(`not a valid date: ${JSON.stringify(text)}`);
  const local = read.setZone(timeZone);
  return {
    iso: local.toISO({ suppressMilliseconds: false }) ?? '',
    epochMs: local.toMillis(),
    year: local.toFormat('yyyy'),
    month: local.toFormat('MM'),
    day: local.toFormat('dd'),
  };
}

/** Dates already said, by language and day: a large archive says each day thousands of times (lists, feeds, groups). */
const saidDates = new Map<string, string>();

/** One formatter per language and style: making one (as luxon does on every call) costs more than formatting. */
const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`2026-01-06`) in the words of `locale`, in the style luxon's
 * presets name. A day is the same day in any zone, so it is said in UTC, as
 * luxon does for dates in fixed offsets.
 */
function sayCalendarDay(day: string, locale: string, style: Intl.DateTimeFormatOptions): string {
  const format = madeOnce(calendarFormats, `${locale}\0${JSON.stringify(style)}`, () => new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }));
  const midnight = new Date(0);
  // setUTCFullYear, not Date.UTC: that reads years 0–99 as 1900–1999.
  midnight.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return format.format(midnight);
}

/** A calendar date for people, in the site's language: "6 January 2026". */
export function formatLongDate(iso: string, locale: string): string {
  // The day is the first ten characters of the ISO form, in the offset it is written with.
  const day = iso.slice(0, 10);
  return madeOnce(saidDates, `${locale}\0${day}`, () => sayCalendarDay(day, locale, DateTime.DATE_FULL));
}

/** A moment for people, in the site's language and time zone: "3 January 2026 at 14:05 UTC". */
export function formatDateTime(iso: string, locale: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setLocale(locale).toLocaleString(DateTime.DATETIME_FULL);
}

/** A month's name for people, in the site's language: "January 2026". */
export function formatMonth(year: string, month: string, locale: string): string {
  return madeOnce(saidDates, `${locale}\0${year}-${month}`, () => sayCalendarDay(`${year}-${month}-01`, locale, { month: 'long', year: 'numeric' }));
}

/** A month's short name alone: "Jan". */
export function formatMonthShort(month: number, locale: string): string {
  return DateTime.fromObject({ year: 2001, month, day: 1 }, { zone: 'UTC' }).setLocale(locale).toLocaleString({ month: 'short' });
}
