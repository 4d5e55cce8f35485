// The hash router (works on any static host without rewrite rules). Importing it runs nothing: main.js starts it
// with the route table, and views import navigate/queryParams from here (never from main.js, which would be a cycle).
import { h, mount } from './dom.js';

let table = [];
let outlet = null;
let hooks = {};
let cleanup = null;
let renderSeq = 0;

/** Goes to `path` (`/cases/…`); naming the page already shown renders it again. */
export function navigate(path) {
  if (location.hash === `#${path}`) route();
  else location.hash = path;
}

/** The path of the page shown, without its query (`/cases`). */
export function currentPath() {
  const path = location.hash.replace(/^#/, '') || '/';
  return path.split('?')[0];
}

/** The query of the page shown (`#/cases?stage=review` → stage=review). */
export function queryParams() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

/**
 * Starts routing: `routes` are [pattern, load a view module, {public}] rows; a view's render(container, ...params)
 * may return a cleanup function. `hooks.beforeRender()` runs before each page (the shell), `hooks.mayShow(options, path)`
 * returns false to keep a page away (and navigates elsewhere itself).
 */
export function startRouter(routes, main, routeHooks) {
  table = routes;
  outlet = main;
  hooks = routeHooks;
  addEventListener('hashchange', route);
}

/** Renders the page the address names. */
export async function route() {
  const seq = ++renderSeq;
  const path = currentPath();
  const match = table.find(([pattern]) => pattern.test(path));
  cleanup?.();
  cleanup = null;
  hooks.beforeRender?.();
  if (!match) {
    mount(outlet, h('section', { class: 'empty' }, h('h1', { text: 'Page not found' }), h('p', {}, h('a', { href: '#/', text: 'Go to the board' }))));
    return;
  }
  const [pattern, load, options = {}] = match;
  if (hooks.mayShow && !hooks.mayShow(options, path)) return;
  // Each route renders into its own container: a slower, older view then writes into a detached element.
  const container = h('div', { class: 'view' }, h('p', { class: 'loading', text: 'Loading…' }));
  mount(outlet, container);
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
  if (seq === renderSeq) outlet.focus({ preventScroll: true });
}
