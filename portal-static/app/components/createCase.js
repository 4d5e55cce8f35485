// The create-case dialog: choose a process, give a title and an owner (yourself, or someone by name and Entra object
// id), open the case and go to it. The API opens a case owned by its creator; another owner is handed over right after.
import { h, field, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { navigate } from '../router.js';
import { formDialog } from './formDialog.js';

export function openCreateCase(templates, selectedId) {
  const template = field('Process', h('select', { name: 'templateId', required: true },
    templates.filter(t => t.status !== 'archived').map(t => h('option', { value: t.id, selected: t.id === selectedId, text: t.name }))));
  const title = field('Title', h('input', { type: 'text', name: 'title', required: true, maxlength: 200, autocomplete: 'off' }), 'What the case is about, e.g. "Onboard Ana Silva".');
  const owner = field('Owner', h('select', {}, h('option', { value: 'me', text: 'Me' }), h('option', { value: 'other', text: 'Someone else…' })));
  const ownerName = field('Owner’s name', h('input', { type: 'text', maxlength: 200, autocomplete: 'off' }));
  const ownerId = field('Owner’s Entra object id', h('input', { type: 'text', maxlength: 64, autocomplete: 'off', spellcheck: 'false' }), 'A GUID, e.g. from the Entra admin center.');
  const showOwner = () => { ownerName.wrap.hidden = ownerId.wrap.hidden = owner.input.value === 'me'; };
  owner.input.addEventListener('change', showOwner);
  showOwner();
  formDialog({
    title: 'New case', label: 'Open case',
    fields: { '$.templateId': template, '$.title': title, '$.owner': owner, '$.name': ownerName, '$.id': ownerId },
    submit: async () => {
      const other = owner.input.value === 'other';
      if (other) {
        // Checked before the case is opened, so a typo does not leave a case with the wrong owner.
        const problems = {};
        if (!ownerName.input.value.trim()) problems['$.name'] = 'Give the owner’s name.';
        if (!/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(ownerId.input.value.trim())) problems['$.id'] = 'An object id looks like 00000000-0000-0000-0000-000000000000.';
        if (Object.keys(problems).length) throw Object.assign(new Error('Check the owner.'), { errors: problems });
      }
      const created = await api('/api/cases', { method: 'POST', body: { templateId: template.input.value, title: title.input.value } });
      // The case exists now: whatever the handover answers, go to it (a failed one is said, and can be redone there).
      if (other) {
        await api(`/api/cases/${enc(created.id)}/owner`, { method: 'PUT', body: { id: ownerId.input.value.trim(), name: ownerName.input.value.trim() } })
          .catch(error => toast(`The case is open, but the owner was not changed: ${error.message}`, 'error'));
      }
      navigate(`/cases/${created.id}`);
    },
  });
  title.input.focus();
}
