// Dates and labels shown to people.
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];

export const formatAbsolute = iso => (iso ? absolute.format(new Date(iso)) : '');

export function formatRelative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return Math.abs(seconds) < 10 && unit === 'second' ? 'just now' : relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/** A <time> element: relative text, absolute in the title and datetime attribute. */
export function timeEl(h, iso) {
  return h('time', { datetime: iso, title: formatAbsolute(iso), text: formatRelative(iso) });
}

/** "StageEntered" → "Stage entered". */
export function humanize(type) {
  const words = String(type).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatBytes(bytes) {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
