// The unread-notifications count beside "Notifications" in the main navigation. One element for the whole session
// (the shell re-renders the navigation on every page and re-uses it), refreshed every 10 s by polling
// GET /api/notifications/count; polling pauses while the tab is hidden and stops when nobody is signed in.
import { h } from '../dom.js';
import { api } from '../api.js';
import { currentSession } from '../session.js';

const EVERY_MS = 10_000;
let badge = null;
let timer = null;
let reading = false;

/** The badge element; polling starts on first use, and again after a sign-out and a new sign-in. */
export function unreadBadge() {
  if (!badge) {
    badge = h('span', { class: 'badge badge-danger unread-badge', hidden: true, 'data-unread': '0' });
    document.addEventListener('visibilitychange', () => (document.hidden ? stop() : refreshUnread()));
  }
  if (!timer && !reading) refreshUnread();
  return badge;
}

function stop() {
  clearTimeout(timer);
  timer = null;
}

/** Reads the count now (e.g. after marking something read), then keeps polling. */
export async function refreshUnread() {
  stop();
  if (!badge || !currentSession() || reading) return;
  reading = true;
  try {
    const { unread } = await api('/api/notifications/count');
    if (!Number.isInteger(unread)) throw new TypeError('Not a count.');
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    badge.dataset.unread = String(unread);
    badge.title = `${unread} unread notification${unread === 1 ? '' : 's'}`;
  } catch {
    // The next poll tries again; a 401 signs the person out through the API's own handler.
  }
  reading = false;
  if (!document.hidden && currentSession()) timer = setTimeout(refreshUnread, EVERY_MS);
}
