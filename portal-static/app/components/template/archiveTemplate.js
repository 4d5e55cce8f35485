// Archiving a template asks first: a template takes no new cases once archived.
import { h, toast } from '../../dom.js';
import { api, enc } from '../../api.js';
import { navigate } from '../../router.js';

export function confirmArchive(template) {
  const yes = h('button', { type: 'button', class: 'button danger', text: 'Archive template' });
  const no = h('button', { type: 'button', class: 'button', text: 'Cancel' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'archive-title' },
    h('h2', { id: 'archive-title', text: `Archive “${template.name}”?` }),
    h('p', { text: 'No new cases can be opened from it. Cases already running continue on their version.' }),
    h('div', { class: 'actions' }, no, yes));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  no.addEventListener('click', () => dialog.close());
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api(`/api/templates/${enc(template.id)}/archive`, { method: 'POST' });
      dialog.close();
      toast('Template archived.', 'success');
      navigate(`/templates/${template.id}`);
    } catch (error) {
      toast(error.message, 'error');
      yes.disabled = false;
    }
  });
  dialog.showModal();
  no.focus();
}
