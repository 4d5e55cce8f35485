// The create-case dialog: choose a process, give a title, open the case and go to it.
import { h, field } from '../dom.js';
import { api } from '../api.js';
import { showErrors, clearErrors } from '../forms.js';
import { navigate } from '../main.js';

export function openCreateCase(templates, selectedId) {
  const template = field('Process', h('select', { name: 'templateId', required: true },
    templates.filter(t => t.status !== 'archived').map(t => h('option', { value: t.id, selected: t.id === selectedId, text: t.name }))));
  const title = field('Title', h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off' }), 'What the case is about, e.g. "Onboard Ana Silva".');
  const fields = { '$.templateId': template, '$.title': title };
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: 'Open case' });
  const cancel = h('button', { type: 'button', class: 'button', text: 'Cancel' });
  const form = h('form', { method: 'dialog', novalidate: true }, template.wrap, title.wrap, formError, h('div', { class: 'actions' }, cancel, submit));
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'create-case-title' }, h('h2', { id: 'create-case-title', text: 'New case' }), form);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(fields, formError);
    submit.disabled = true;
    try {
      const created = await api('/api/cases', { method: 'POST', body: { templateId: template.input.value, title: title.input.value } });
      dialog.close();
      navigate(`/cases/${created.id}`);
    } catch (error) {
      showErrors(error, fields, formError);
    } finally {
      submit.disabled = false;
    }
  });
  dialog.showModal();
  title.input.focus();
}
