// The case's data on the case page: the template's fields as a form for those who work the case (the right input per
// type, the API's errors under the field they name) and as text for readers. Saving sends only what changed, as a
// JSON merge patch (null clears a field), with If-Match: the case's ETag as of the values the form shows, so a change
// someone else made meanwhile answers 412 and the form reloads with a message instead of overwriting it.
import { h, mount, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { showErrors, clearErrors } from '../forms.js';
import { fieldControl, formatValue, sameValue, valueOf } from './fieldInputs.js';

const STALE = 'Someone changed this case while you were editing: the form now shows its current values. Check them and save again.';

export function caseDataSection(caseId, done) {
  const body = h('div');
  const section = h('section', { class: 'card', 'aria-labelledby': 'data-title', hidden: true }, h('h2', { id: 'data-title', text: 'Details' }), body);
  // What the form shows: the data and the case's ETag it was read at, plus what decides its shape.
  let shown = null;
  let dirty = false;
  let notice = null;
  let last = [];

  const update = (c, t, canWork) => {
    last = [c, t, canWork];
    const fields = t.fields ?? [];
    section.hidden = !fields.length;
    if (!fields.length) return;
    const etag = `"${c.timelineLength}"`;
    const data = JSON.stringify(c.data ?? {});
    const shape = `${t.id}/${t.version}/${c.currentStage.key}/${c.status}/${canWork}`;
    if (shown && shown.data === data && shown.shape === shape) {
      // Nothing the form shows changed (a task, a comment…): saving on top of this ETag overwrites nobody's data.
      shown.etag = etag;
      return;
    }
    // Someone else's change while this person types: keep their words; saving answers 412 and reloads.
    if (shown && dirty) return;
    shown = { data, shape, etag };
    dirty = false;
    draw(c, t, canWork && c.status !== 'closed');
  };

  const draw = (c, t, editable) => {
    const fields = t.fields ?? [];
    const stage = t.stages[c.currentStage.index];
    const required = new Set([...(stage?.requiredFields ?? []), ...fields.filter(f => f.required).map(f => f.key)]);
    const values = c.data ?? {};
    const readOnly = editable ? fields.filter(f => f.filledBy === 'external') : fields;
    const list = readOnly.length
      ? h('dl', { class: 'details' }, readOnly.map(f => [h('dt', { text: f.label }), h('dd', { dataset: { field: f.key }, text: formatValue(f, values[f.key]) })]))
      : null;
    const message = notice ? h('p', { class: 'notice', role: 'alert', text: notice }) : null;
    notice = null;
    if (!editable) {
      mount(body, message, list);
      return;
    }
    const own = fields.filter(f => f.filledBy !== 'external');
    const controls = Object.fromEntries(own.map(f => [`$.${f.key}`, fieldControl(f, values[f.key], required.has(f.key))]));
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button primary', text: 'Save details' });
    const form = h('form', { class: 'data-form', novalidate: true, on: { input: () => { dirty = true; }, change: () => { dirty = true; } } },
      h('div', { class: 'data-fields' }, Object.values(controls).map(f => f.wrap)), formError, h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(controls, formError);
      const patch = {};
      for (const f of own) {
        const value = valueOf(f, controls[`$.${f.key}`].input) ?? null;
        if (!sameValue(f, value, values[f.key])) patch[f.key] = value;
      }
      if (!Object.keys(patch).length) {
        formError.textContent = 'Nothing to save: no value changed.';
        formError.hidden = false;
        return;
      }
      submit.disabled = true;
      try {
        await api(`/api/cases/${enc(caseId)}/data`, { method: 'PATCH', body: patch, headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': shown.etag } });
        toast('Details saved.', 'success');
        await reload();
      } catch (error) {
        submit.disabled = false;
        if (error.status !== 412) {
          showErrors(error, controls, formError);
          return;
        }
        notice = STALE;
        await reload();
      }
    });
    mount(body, message, form, list && [h('h3', { class: 'sub-title', text: 'Filled by the outside party' }), list]);
  };

  /** Shows the case as stored now: after the refresh, or as last read when the page had it already. */
  const reload = async () => {
    shown = null;
    await done();
    if (!shown) update(...last);
  };

  return { section, update };
}
