// Sign in. Locally: the development issuer's "sign in as" form. Deployed: see docs/PORTAL.md (Entra ID).
import { h, mount, field, setFieldError } from '../dom.js';
import { api, ApiError } from '../api.js';
import { startSession } from '../session.js';
import { navigate } from '../main.js';
import { showErrors } from '../forms.js';

const ROLES = [
  ['CaseFy.Admin', 'Admin', 'Everything, including templates'],
  ['CaseFy.Member', 'Member', 'Open and work cases'],
  ['CaseFy.Viewer', 'Viewer', 'Read only'],
];

// What the page says when nobody can sign in from here: plainly, with no way around it (the app never runs
// without a token, and it never pretends to know someone's role).
const CANNOT_SIGN_IN = {
  none: 'Sign-in is not configured for this CaseFy installation, so nobody can sign in. Ask your administrator to set it up.',
  entra: 'This CaseFy installation signs people in with Microsoft Entra ID, which this version of the portal does not support yet. Ask your administrator.',
  unreachable: 'CaseFy could not read its sign-in settings. Check your connection and reload the page; if it keeps happening, ask your administrator.',
};

export async function render(main) {
  let config = null;
  try {
    config = await api('/api/config', { token: null });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  const mode = config ? config.signIn?.mode ?? 'none' : 'unreachable';
  const card = h('section', { class: 'signin card', 'aria-labelledby': 'signin-title' }, h('h1', { id: 'signin-title', text: 'Sign in to CaseFy' }));
  mount(main, h('div', { class: 'signin-page' }, card));

  if (mode !== 'dev') {
    card.append(h('p', { class: 'notice', role: 'status', text: CANNOT_SIGN_IN[mode] ?? CANNOT_SIGN_IN.none }));
    return;
  }

  card.append(h('p', { class: 'hint', text: 'Local development: sign in as anyone. Tokens come from the local development issuer and work only on this machine.' }));
  const name = field('Your name', h('input', { type: 'text', name: 'name', autocomplete: 'name', required: true, maxlength: 200 }));
  const roleInputs = ROLES.map(([value, label, hint], i) => {
    const input = h('input', { type: 'radio', name: 'role', value, id: `role-${i}`, checked: i === 0 });
    return h('div', { class: 'radio' }, input, h('label', { for: input.id }, h('strong', { text: label }), h('span', { class: 'hint', text: ` — ${hint}` })));
  });
  const roles = h('fieldset', { class: 'field' }, h('legend', { text: 'Role' }), roleInputs);
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: 'Sign in' });
  const form = h('form', { novalidate: true }, name.wrap, roles, formError, h('div', { class: 'actions' }, submit));
  card.append(form);
  name.input.focus();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    setFieldError(name, null);
    formError.hidden = true;
    if (!name.input.value.trim()) {
      setFieldError(name, 'Enter a name.');
      name.input.focus();
      return;
    }
    const role = form.elements.role.value;
    submit.disabled = true;
    try {
      const { accessToken } = await api(config.signIn.devTokenUrl, { method: 'POST', token: null, body: { name: name.input.value.trim(), roles: [role] } });
      startSession(accessToken);
      const back = sessionStorage.getItem('casefy.returnTo');
      sessionStorage.removeItem('casefy.returnTo');
      navigate(back && back !== '/signin' ? back : '/');
    } catch (error) {
      showErrors(error, { '$.name': name }, formError);
    } finally {
      submit.disabled = false;
    }
  });
}
