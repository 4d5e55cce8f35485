// Sign in. Locally: the development issuer's "sign in as" form. Deployed: see docs/PORTAL.md (Entra ID).
import { h, mount, field, setFieldError } from '../dom.js';
import { api, ApiError } from '../api.js';
import { startSession, startOpenSession } from '../session.js';
import { navigate } from '../main.js';
import { showErrors } from '../forms.js';

const ROLES = [
  ['CaseFy.Admin', 'Admin', 'Everything, including templates'],
  ['CaseFy.Member', 'Member', 'Open and work cases'],
  ['CaseFy.Viewer', 'Viewer', 'Read only'],
];

export async function render(main) {
  let config;
  try {
    config = await api('/api/config', { token: null });
  } catch (error) {
    config = null;
    if (!(error instanceof ApiError)) throw error;
  }
  // An API without /api/config predates sign-in and checks nobody: say so and go on without a token.
  const mode = config ? config.signIn?.mode ?? 'none' : 'open';
  if (mode === 'open') {
    startOpenSession();
    navigate('/');
    return;
  }
  const card = h('section', { class: 'signin card', 'aria-labelledby': 'signin-title' }, h('h1', { id: 'signin-title', text: 'Sign in to CaseFy' }));
  mount(main, h('div', { class: 'signin-page' }, card));

  if (mode !== 'dev') {
    card.append(h('p', {
      text: mode === 'entra'
        ? 'Sign-in with your organisation account is handled by the hosting platform. Open /.auth/login/aad to continue.'
        : 'Sign-in is not configured for this CaseFy installation. Ask your administrator.',
    }));
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
