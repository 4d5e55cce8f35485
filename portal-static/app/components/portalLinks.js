// Portal links on the case page: create (the URL is shown once, with a copy button), list, revoke.
import { h, mount, field, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { showErrors, clearErrors } from '../forms.js';
import { formatAbsolute } from '../format.js';

export function portalLinksSection(caseId, onChange) {
  const list = h('ul', { class: 'checklist' });
  const created = h('div', { class: 'created-link', role: 'status' });
  const name = field('Their name', h('input', { type: 'text', maxlength: 200, autocomplete: 'off' }));
  const email = field('Email (optional)', h('input', { type: 'email', maxlength: 254, autocomplete: 'off' }));
  const days = field('Valid for (days)', h('input', { type: 'number', min: 1, max: 90, value: '14' }));
  const upload = h('input', { type: 'checkbox', id: `upload-${caseId}`, checked: true });
  const message = h('input', { type: 'checkbox', id: `message-${caseId}`, checked: true });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button', text: 'Create link' });
  const fields = { '$.name': name, '$.email': email, '$.expiresInDays': days };
  const form = h('form', { class: 'link-form', novalidate: true }, name.wrap, email.wrap, days.wrap,
    h('div', { class: 'radio' }, upload, h('label', { for: upload.id, text: 'May upload the documents asked of them' })),
    h('div', { class: 'radio' }, message, h('label', { for: message.id, text: 'May read and write messages with the team' })), formError, h('div', { class: 'actions' }, submit));

  const refresh = async () => {
    const links = await api(`/api/cases/${enc(caseId)}/portal-links`);
    mount(list, links.length ? links.map(link => h('li', { class: 'check' },
      h('div', {}, h('strong', { text: link.name }), ' ', h('span', { class: `badge ${link.status === 'active' ? 'badge-success' : 'badge-neutral'}`, text: link.status }),
        h('p', { class: 'hint', text: `${link.actions.join(', ')} · until ${formatAbsolute(link.expiresAt)}` })),
      link.status === 'active'
        ? h('button', { type: 'button', class: 'button danger', text: 'Revoke', 'aria-label': `Revoke the link for ${link.name}`, on: { click: async e => {
          e.target.disabled = true;
          try {
            await api(`/api/cases/${enc(caseId)}/portal-links/${enc(link.id)}`, { method: 'DELETE' });
            toast('Link revoked.', 'success');
            await refresh();
            onChange?.();
          } catch (error) {
            toast(error.message, 'error');
            e.target.disabled = false;
          }
        } } })
        : null)) : h('li', { class: 'hint', text: 'No links yet.' }));
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(fields, formError);
    submit.disabled = true;
    try {
      const body = { name: name.input.value, email: email.input.value.trim() || null, actions: ['view', ...(upload.checked ? ['upload'] : []), ...(message.checked ? ['message'] : [])], expiresInDays: Number(days.input.value) || null };
      const made = await api(`/api/cases/${enc(caseId)}/portal-links`, { method: 'POST', body });
      const url = h('input', { type: 'text', readonly: true, value: made.url, id: `link-url-${caseId}`, class: 'link-url' });
      const copy = h('button', { type: 'button', class: 'button primary', text: 'Copy link', on: { click: async () => {
        try { await navigator.clipboard.writeText(made.url); toast('Link copied.', 'success'); } catch { url.select(); }
      } } });
      mount(created, h('label', { for: url.id, text: `Link for ${made.link.name} — shown only now:` }), h('div', { class: 'inline-form' }, url, copy));
      form.reset();
      await refresh();
      onChange?.();
    } catch (error) {
      showErrors(error, fields, formError);
    } finally {
      submit.disabled = false;
    }
  });

  const section = h('section', { class: 'card', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title', text: 'Links for outside people' }),
    h('p', { class: 'hint', text: 'A personal link lets someone without an account see this case, upload what is asked of them and write to you.' }),
    list, created, h('details', {}, h('summary', { text: 'Create a link' }), form));
  refresh().catch(() => section.remove());
  return section;
}
