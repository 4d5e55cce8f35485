// "View as of": the case page shows the case as it stood at a chosen moment (GET /api/cases/{id}?asOf=…, rebuilt from
// its timeline), read-only, with the way back to the case as it is now.
import { h, uid } from '../dom.js';
import { navigate } from '../router.js';
import { formatAbsolute } from '../format.js';

/** The moment picker (local time, to the second); showing it puts `?asOf=` in the address, so it can be shared. */
export function asOfControl(caseId, asOf) {
  const id = uid();
  const input = h('input', { id, type: 'datetime-local', step: 1, required: true });
  const form = h('form', { class: 'inline-form as-of', 'aria-label': 'View the case as of a moment' },
    h('div', { class: 'field' }, h('label', { for: id, text: 'View as of' }), input),
    h('button', { type: 'submit', class: 'button subtle', text: 'Show' }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const at = new Date(input.value);
    if (Number.isNaN(at.getTime())) return;
    navigate(`/cases/${caseId}?asOf=${encodeURIComponent(at.toISOString())}`);
  });
  if (!asOf) return form;
  return [h('p', { class: 'notice as-of-notice', role: 'status' }, 'As it stood on ', h('strong', { text: formatAbsolute(asOf) }),
    ': read-only. ', h('a', { href: `#/cases/${caseId}`, text: 'Back to now' })), form];
}
