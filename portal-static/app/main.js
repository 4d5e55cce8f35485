// The team app: a small hash router (works on any static host without rewrite rules) and the page shell.
import { h, mount } from './dom.js';
import { currentSession, endSession, roleLabel, can } from './session.js';
import { setUnauthorizedHandler } from './api.js';
import { isRedirectBack, completeRedirect, signOut } from './auth.js';

const routes = [
  [/^\/signin$/, () => import('./views/signin.js'), { public: true }],
  [/^\/$/, () => import('./views/board.js')],
  [/^\/cases$/, () => import('./views/list.js')],
  [/^\/tasks$/, () => import('./views/tasks.js')],
  [/^\/cases\/([\w-]+)$/, () => import('./views/case.js')],
  [/^\/templates\/new$/, () => import('./views/template.js')],
  [/^\/templates\/([\w-]+)$/, () => import('./views/template.js')],
];

const main = document.getElementById('main');
let cleanup = null;
let renderSeq = 0;

export function navigate(path) {
  if (location.hash === `#${path}`) route();
  else location.hash = path;
}

function currentPath() {
  const path = location.hash.replace(/^#/, '') || '/';
  return path.split('?')[0];
}

export function queryParams() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

async function route() {
  const seq = ++renderSeq;
  const path = currentPath();
  const match = routes.find(([pattern]) => pattern.test(path));
  cleanup?.();
  cleanup = null;
  renderShell();
  if (!match) {
    mount(main, h('section', { class: 'empty' }, h('h1', { text: 'Page not found' }), h('p', {}, h('a', { href: '#/', text: 'Go to the board' }))));
    return;
  }
  const [pattern, load, options = {}] = match;
  if (!options.public && !currentSession()) {
    sessionStorage.setItem('casefy.returnTo', path);
    navigate('/signin');
    return;
  }
  // Each route renders into its own container: a slower, older view then writes into a detached element.
  const container = h('div', { class: 'view' }, h('p', { class: 'loading', text: 'Loading…' }));
  mount(main, container);
  const view = await load();
  if (seq !== renderSeq) return;
  const params = path.match(pattern).slice(1);
  try {
    const done = (await view.render(container, ...params)) ?? null;
    if (seq === renderSeq) cleanup = done;
    else done?.();
  } catch (error) {
    if (seq === renderSeq) mount(container, h('section', { class: 'empty' }, h('h1', { text: 'Something went wrong' }), h('p', { text: error.message })));
  }
  if (seq === renderSeq) main.focus({ preventScroll: true });
}

function renderShell() {
  const session = currentSession();
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  nav.hidden = !session;
  if (!session) {
    mount(nav);
    mount(account);
    return;
  }
  const path = currentPath();
  const link = (href, text, active) => h('a', { href: `#${href}`, 'aria-current': active ? 'page' : null, text });
  mount(nav,
    link('/', 'Board', path === '/'),
    link('/cases', 'Cases', path.startsWith('/cases')),
    link('/tasks', 'My tasks', path === '/tasks'),
    can('templates') ? link('/templates/new', 'New template', path.startsWith('/templates')) : null);
  mount(account,
    h('span', { class: 'who' }, h('span', { class: 'who-name', text: session.name }), h('span', { class: 'role-badge', text: roleLabel(session.roles) })),
    h('button', { type: 'button', class: 'button subtle', text: 'Sign out', on: { click: async () => { if (!await signOut()) navigate('/signin'); } } }));
}

setUnauthorizedHandler(() => {
  endSession();
  sessionStorage.setItem('casefy.returnTo', currentPath());
  navigate('/signin');
});
addEventListener('hashchange', route);
// Back from the OpenID provider (`/?code=…&state=…`, or after sign-out): finish that first, then show the page.
if (isRedirectBack()) {
  mount(main, h('p', { class: 'loading', text: 'Signing you in…' }));
  completeRedirect().then(route);
} else {
  route();
}
