// The signed-in person's mail setting (GET/PUT /api/me/mail): whether their notifications are also mailed, at once or
// in a daily digest, to the address their sign-in carries. Without an address only "off" can be chosen, and the
// panel says why.
import { h, mount, uid } from '../dom.js';
import { api } from '../api.js';

const CHOICES = [
  ['off', () => 'No mail'],
  ['immediate', () => 'Each notification at once'],
  ['dailyDigest', s => `A daily digest (at ${String(s.digestHourUtc).padStart(2, '0')}:00 UTC)`],
];

/** The panel; it loads the setting itself and saves each choice as it is made. */
export function mailSettings() {
  const titleId = uid('mail');
  const panel = h('section', { class: 'card mail-settings', 'aria-labelledby': titleId },
    h('h2', { id: titleId, text: 'Mail' }), h('p', { class: 'loading', text: 'Loading…' }));
  load(panel, titleId);
  return panel;
}

async function load(panel, titleId) {
  let setting;
  try {
    setting = await api('/api/me/mail');
  } catch (error) {
    mount(panel, h('h2', { id: titleId, text: 'Mail' }), h('p', { class: 'form-error', role: 'alert', text: error.message }));
    return;
  }
  const name = uid('delivery');
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const options = CHOICES.map(([value, label], i) => {
    const input = h('input', {
      type: 'radio', name, value, id: `${name}-${i}`, checked: setting.delivery === value,
      disabled: value !== 'off' && !setting.address,
    });
    input.addEventListener('change', () => save(input, options, status));
    return h('div', { class: 'radio' }, input, h('label', { for: input.id, text: label(setting) }));
  });
  mount(panel,
    h('h2', { id: titleId, text: 'Mail' }),
    h('p', { class: 'hint' }, setting.address
      ? ['Mail goes to ', h('strong', { class: 'mail-address', text: setting.address }), ', the address your sign-in carries.']
      : 'Your sign-in carries no e-mail address, so your notifications cannot be mailed.'),
    setting.mailEnabled ? null : h('p', { class: 'hint', text: 'This installation sends no mail at the moment; your choice is kept.' }),
    h('fieldset', { class: 'field' }, h('legend', { text: 'Mail my notifications' }), options),
    status);
}

async function save(input, options, status) {
  const all = options.map(o => o.querySelector('input'));
  all.forEach(i => { i.dataset.wasDisabled = i.disabled ? '1' : ''; i.disabled = true; });
  status.textContent = 'Saving…';
  try {
    const saved = await api('/api/me/mail', { method: 'PUT', body: { delivery: input.value } });
    status.textContent = `Saved: ${saved.delivery === 'off' ? 'no mail' : saved.delivery === 'immediate' ? 'each notification at once' : 'a daily digest'}.`;
  } catch (error) {
    status.textContent = error.message;
  }
  all.forEach(i => { i.disabled = i.dataset.wasDisabled === '1'; });
}
