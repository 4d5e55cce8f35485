// The team app's entry point: the route table, then start. Nothing imports this module (views use router.js).
import { h, mount } from './dom.js';
import { currentSession, endSession } from './session.js';
import { setUnauthorizedHandler } from './api.js';
import { isRedirectBack, completeRedirect } from './auth.js';
import { currentPath, navigate, route, startRouter } from './router.js';
import { renderShell } from './components/shell.js';

const routes = [
  [/^\/signin$/, () => import('./views/signin.js'), { public: true }],
  [/^\/$/, () => import('./views/board.js')],
  [/^\/cases$/, () => import('./views/list.js')],
  [/^\/tasks$/, () => import('./views/tasks.js')],
  [/^\/notifications$/, () => import('./views/notifications.js')],
  [/^\/cases\/([\w-]+)$/, () => import('./views/case.js')],
  [/^\/templates\/new$/, () => import('./views/template.js')],
  [/^\/templates\/([\w-]+)$/, () => import('./views/template.js')],
  [/^\/templates\/([\w-]+)\/metrics$/, () => import('./views/metrics.js')],
];

const main = document.getElementById('main');

/** A page that needs a session sends a signed-out visitor to sign in, and back to it afterwards. */
function mayShow(options, path) {
  if (options.public || currentSession()) return true;
  sessionStorage.setItem('casefy.returnTo', path);
  navigate('/signin');
  return false;
}

setUnauthorizedHandler(() => {
  endSession();
  sessionStorage.setItem('casefy.returnTo', currentPath());
  navigate('/signin');
});
startRouter(routes, main, { beforeRender: renderShell, mayShow });
// Back from the OpenID provider (`/?code=…&state=…`, or after sign-out): finish that first, then show the page.
if (isRedirectBack()) {
  mount(main, h('p', { class: 'loading', text: 'Signing you in…' }));
  completeRedirect().then(route);
} else {
  route();
}
