// A modal form (native <dialog>): its fields, the API's validation errors shown under them, closed on success.
import { h } from '../dom.js';
import { showErrors, clearErrors } from '../forms.js';

/**
 * Opens a dialog titled `title` with `fields` ({'$.path': field from dom.field()}, in order) and runs `submit()` on
 * submit; an error from it is shown under the field its JSON path names, or above the buttons.
 */
export function formDialog({ title, intro, fields, label, danger, submit }) {
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const ok = h('button', { type: 'submit', class: `button ${danger ? 'danger' : 'primary'}`, text: label });
  const cancel = h('button', { type: 'button', class: 'button', text: 'Cancel' });
  const form = h('form', { method: 'dialog', novalidate: true }, intro ? h('p', { text: intro }) : null,
    Object.values(fields).map(f => f.wrap), formError, h('div', { class: 'actions' }, cancel, ok));
  const dialog = h('dialog', { class: 'dialog', 'aria-label': title }, h('h2', { text: title }), form);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(fields, formError);
    ok.disabled = true;
    try {
      await submit();
      dialog.close();
    } catch (error) {
      showErrors(error, fields, formError);
    } finally {
      ok.disabled = false;
    }
  });
  dialog.showModal();
  (Object.values(fields)[0]?.input ?? cancel).focus();
  return dialog;
}
