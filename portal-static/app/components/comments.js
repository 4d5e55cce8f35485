// Internal comments (they live on the timeline as CommentAdded entries): newest first, and a form for those who work
// the case. The form is made once, so a refresh while someone types does not lose their words.
import { h, mount, field, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { showErrors, clearErrors } from '../forms.js';
import { timeEl } from '../format.js';

export function commentsSection(caseId, done) {
  const list = h('ol', { class: 'comments', 'aria-label': 'Comments, newest first' });
  const text = field('Add a comment', h('textarea', { rows: 3, maxlength: 4000 }), 'Seen by the team only, never on the external page.');
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: 'Comment' });
  const form = h('form', { novalidate: true }, text.wrap, formError, h('div', { class: 'actions' }, submit));
  const title = h('h2', { id: 'comments-title', text: 'Comments' });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors({ '$.text': text }, formError);
    submit.disabled = true;
    try {
      await api(`/api/cases/${enc(caseId)}/comments`, { method: 'POST', body: { text: text.input.value } });
      form.reset();
      toast('Comment added.', 'success');
      await done();
    } catch (error) {
      showErrors(error, { '$.text': text }, formError);
    } finally {
      submit.disabled = false;
    }
  });
  const section = h('section', { class: 'card', 'aria-labelledby': 'comments-title' }, title, list, form);
  const update = (entries, canComment) => {
    const comments = entries.filter(e => e.type === 'CommentAdded').reverse();
    title.textContent = comments.length ? `Comments (${comments.length})` : 'Comments';
    mount(list, comments.length
      ? comments.map(e => h('li', { class: 'comment' },
        h('p', { class: 'meta' }, h('strong', { text: e.actor?.name ?? 'Someone' }), ' · ', timeEl(h, e.at)),
        h('p', { class: 'comment-text', text: e.data?.text ?? '' })))
      : h('li', { class: 'hint', text: 'No comments yet.' }));
    form.hidden = !canComment;
  };
  return { section, update };
}
