// The page shell around every view: the main navigation (for a signed-in person) and who is signed in.
import { h, mount } from '../dom.js';
import { currentSession, roleLabel, can } from '../session.js';
import { signOut } from '../auth.js';
import { currentPath, navigate } from '../router.js';
import { unreadBadge } from './unreadBadge.js';

export function renderShell() {
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
    h('a', { href: '#/notifications', 'aria-current': path === '/notifications' ? 'page' : null }, 'Notifications ', unreadBadge()),
    can('templates') ? link('/templates/new', 'New template', path.startsWith('/templates')) : null);
  mount(account,
    h('span', { class: 'who' }, h('span', { class: 'who-name', text: session.name }), h('span', { class: 'role-badge', text: roleLabel(session.roles) })),
    h('button', { type: 'button', class: 'button subtle', text: 'Sign out', on: { click: async () => { if (!await signOut()) navigate('/signin'); } } }));
}
