// The signed-in person's notifications (GET /api/notifications), newest first, with "load more", a link to each
// case, and mark read (one, or all). A case they may no longer read shows without its title. Below: their mail setting.
import { h, mount } from '../dom.js';
import { api, enc } from '../api.js';
import { formatAbsolute, formatRelative } from '../format.js';
import { refreshUnread } from '../components/unreadBadge.js';
import { mailSettings } from '../components/mailSettings.js';

const SAYS = {
  taskAssigned: n => `${n.actorName} assigned you a task${n.text ? `: ${n.text}` : ''}`,
  taskOverdue: n => `Your task is overdue${n.text ? `: ${n.text}` : ''}`,
  taskDueSoon: n => `Your task is due soon${n.text ? `: ${n.text}` : ''}`,
  caseHandedOver: n => `${n.actorName} handed the case to you`,
  outsideUpload: n => `${n.actorName} uploaded ${n.text ?? 'a document'}`,
  outsideAnswer: n => `${n.actorName} answered ${n.text ?? 'questions'}`,
  outsideMessage: n => `${n.actorName} sent a message`,
  slaBreached: n => `The SLA ran out${n.text ? ` in stage ${n.text}` : ''}`,
  slaDueSoon: n => `The SLA runs out soon${n.text ? ` in stage ${n.text}` : ''}`,
  mentioned: n => `${n.actorName} mentioned you${n.text ? `: “${n.text}”` : ''}`,
};

export async function render(main) {
  const list = h('ul', { class: 'notification-list' });
  const more = h('button', { type: 'button', class: 'button notification-more', text: 'Load more', hidden: true });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const readAll = h('button', { type: 'button', class: 'button subtle', text: 'Mark all read' });
  mount(main, h('div', { class: 'page-header' }, h('h1', { text: 'Notifications' }), readAll), list, status, more, mailSettings());

  let token = null;
  let count = 0;
  const load = async () => {
    more.disabled = true;
    const query = new URLSearchParams({ pageSize: '50' });
    if (token) query.set('continuationToken', token);
    let page;
    try {
      page = await api(`/api/notifications?${query}`);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    list.append(...page.items.map(item));
    count += page.items.length;
    token = page.continuationToken;
    more.hidden = !token;
    more.disabled = false;
    status.textContent = count ? '' : 'Nothing new: you will see here what is assigned to you, handed to you, or asked of you.';
  };
  readAll.addEventListener('click', async () => {
    readAll.disabled = true;
    try {
      await api('/api/notifications/read-all', { method: 'POST', body: {} });
      list.querySelectorAll('.notification.unread').forEach(markedRead);
      refreshUnread();
    } catch (error) {
      status.textContent = error.message;
    }
    readAll.disabled = false;
  });
  more.addEventListener('click', load);
  await load();
}

function item(n) {
  const says = (SAYS[n.kind] ?? (() => n.kind))(n);
  const li = h('li', { class: `notification card${n.read ? '' : ' unread'}`, 'data-kind': n.kind },
    h('p', { class: 'notification-text', text: says }),
    h('p', { class: 'hint' },
      n.caseTitle
        ? h('a', { href: `#/cases/${enc(n.caseId)}`, text: n.caseTitle })
        : h('span', { text: 'A case you no longer take part in' }),
      ' · ',
      h('time', { datetime: n.at, title: formatAbsolute(n.at), text: formatRelative(n.at) })));
  if (!n.read) {
    const button = h('button', { type: 'button', class: 'button subtle', text: 'Mark read' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`/api/notifications/${enc(n.id)}/read`, { method: 'POST', body: {} });
        markedRead(li);
        refreshUnread();
      } catch {
        button.disabled = false;
      }
    });
    li.append(button);
  }
  return li;
}

function markedRead(li) {
  li.classList.remove('unread');
  li.querySelector('button')?.remove();
}
