// The case page: header, stage progress, the current stage's work, and the timeline. It refreshes after each
// action and polls with back-off (app/poll.js) while the orchestration moves the case. With `?asOf=` in the address
// it shows the case as it stood then, read-only, and the timeline up to that moment (no polling).
import { h, mount, remount, uid, toast } from '../dom.js';
import { api, ApiError, enc, download } from '../api.js';
import { getTemplate } from '../data.js';
import { timeEl } from '../format.js';
import { caseAccess } from '../session.js';
import { startPolling } from '../poll.js';
import { renderTimeline } from '../components/timeline.js';
import { stageProgress } from '../components/stageProgress.js';
import { dueBadge, ownerName, statusBadge } from '../components/caseCard.js';
import { portalLinksSection } from '../components/portalLinks.js';
import { stageWork } from '../components/stageWork.js';
import { caseActions } from '../components/caseActions.js';
import { peopleSection } from '../components/people.js';
import { commentsSection } from '../components/comments.js';
import { conversationsSection } from '../components/conversations.js';
import { caseDataSection } from '../components/caseData.js';
import { asOfControl } from '../components/asOfControl.js';
import { queryParams } from '../router.js';

const PAGE = 20;

export async function render(main, id) {
  const state = { case: null, template: null, timeline: [], shown: PAGE };
  const asOf = queryParams().get('asOf');
  // The past is read-only: whoever may act now, the case as it stood is only shown.
  const accessTo = c => (asOf ? 'read' : caseAccess(c));
  const header = h('div', { class: 'case-header' });
  const progress = h('div', { class: 'progress-wrap' });
  const stage = h('section', { class: 'card', 'aria-labelledby': 'stage-title' });
  const timelineList = h('ol', { class: 'timeline', 'aria-label': 'Timeline, newest first' });
  const timelineMore = h('div', { class: 'actions' });
  const timeline = h('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title', text: 'Timeline' }), timelineTools(id), timelineList, timelineMore);
  // Refreshes at once after an action, then polls quickly while the orchestration reacts.
  const refresh = async () => {
    await load();
    poller?.nudge();
  };
  const people = peopleSection(id, refresh);
  const comments = commentsSection(id, refresh);
  const conversations = conversationsSection(id, refresh);
  const details = caseDataSection(id, refresh);
  const work = h('div', { class: 'case-main' }, stage, details.section, conversations.section, comments.section);
  mount(main, header, progress, h('div', { class: 'case-grid' }, work, h('div', { class: 'case-side' }, people.section, timeline)));
  let linksShown = false;
  let stageShown = null;

  // The case and the timeline entries after the last one kept arrive in one request (GET …/view), as of one version
  // of the case; further pages, and the past (asOf), come from the case and timeline routes.
  const load = async () => {
    const before = state.case;
    const after = state.timeline.at(-1)?.seq;
    let first = null;
    if (asOf) {
      state.case = await api(`/api/cases/${enc(id)}?asOf=${enc(asOf)}`);
    } else {
      const view = await api(`/api/cases/${enc(id)}/view?pageSize=100${after ? `&continuationToken=${after}` : ''}`);
      state.case = view.case;
      first = view.timeline;
    }
    const changed = !before || before.timelineLength !== state.case.timelineLength || before.updatedAt !== state.case.updatedAt;
    if (!changed) return false;
    state.template = await getTemplate(state.case.templateId, state.case.templateVersion);
    // Portal links: managed by the case owner and admins only.
    if (!linksShown && accessTo(state.case) === 'manage' && state.case.status === 'open') {
      linksShown = true;
      work.append(portalLinksSection(id, () => poller?.nudge()));
    }
    let token = after ? String(after) : null;
    do {
      const page = first ?? await api(`/api/cases/${enc(id)}/timeline?pageSize=100${token ? `&continuationToken=${enc(token)}` : ''}`);
      first = null;
      // As of a moment: the entries folded into the case shown, no later ones.
      const items = asOf ? page.items.filter(e => e.seq <= state.case.timelineLength) : page.items;
      // A poll and the refresh after an action can read the same page at once: only entries past the last kept count.
      const last = state.timeline.at(-1)?.seq ?? 0;
      state.timeline.push(...items.filter(e => e.seq > last));
      token = items.length < page.items.length ? null : page.continuationToken;
    } while (token);
    draw();
    return true;
  };

  const draw = () => {
    const c = state.case;
    const t = state.template;
    const names = { stages: new Map(t.stages.map(s => [s.key, s.name])), fields: new Map((t.fields ?? []).map(f => [f.key, f])) };
    const access = accessTo(c);
    document.title = `${c.number ? `${c.number} ` : ''}${c.title} · CaseFy`;
    mount(header,
      h('p', { class: 'crumbs' }, h('a', { href: `#/?template=${enc(c.templateId)}`, text: t.name }), ` · version ${c.templateVersion}`),
      h('div', { class: 'title-row' },
        h('h1', {}, c.number ? h('span', { class: 'case-number', text: c.number }) : null, c.title),
        statusBadge(c),
        dueBadge(c)),
      h('p', { class: 'meta' },
        'Owner: ', h('strong', { text: ownerName(c) ?? 'none' }),
        ' · Opened by ', h('span', { text: c.createdBy?.name ?? '' }), ' ', timeEl(h, c.createdAt),
        ' · Updated ', timeEl(h, c.updatedAt)),
      asOfControl(id, asOf),
      asOf ? null : caseActions(c, t, access, refresh));
    people.update(c, access === 'manage');
    comments.update(state.timeline, access === 'work' || access === 'manage');
    conversations.update(state.timeline, access === 'work' || access === 'manage', c.status === 'open');
    details.update(c, t, access === 'work' || access === 'manage');
    mount(progress, stageProgress(t.stages, c));
    // The stage's forms are redrawn only when what they show changed: a comment or a message elsewhere leaves them,
    // and the button under someone's pointer, alone.
    const stageShows = JSON.stringify([c.status, c.closedAt, c.outcome, c.currentStage, c.pendingAdvance, c.tasks, c.documents, c.decisions, access]);
    if (stageShows !== stageShown) drawStage(stage, c, t, { act, access, past: Boolean(asOf) });
    stageShown = stageShows;
    const more = renderTimeline(timelineList, state.timeline, names, state.shown, () => { state.shown += PAGE; draw(); });
    mount(timelineMore, more);
  };

  /** Runs an action, then refreshes at once and polls quickly while the orchestration reacts. */
  const act = async (button, run, done) => {
    button.disabled = true;
    try {
      await run();
      if (done) toast(done, 'success');
      await refresh();
    } catch (error) {
      toast(error.message, 'error');
    } finally {
      button.disabled = false;
    }
  };

  let poller = null;
  if (asOf) {
    // A moment the case cannot be shown at (before it was opened, not a moment at all): say why, and the way back.
    await load().catch(error => {
      if (!(error instanceof ApiError) || ![400, 404].includes(error.status)) throw error;
      mount(main, h('section', { class: 'empty card' }, h('h1', { text: 'Nothing to show at that moment' }), h('p', { text: error.message }),
        h('p', {}, h('a', { href: `#/cases/${enc(id)}`, text: 'See the case as it is now' }))));
    });
    return null;
  }
  await load();
  poller = startPolling(load);
  return () => poller.stop();
}

function drawStage(section, c, t, { act, access, past }) {
  const last = c.currentStage.index === t.stages.length - 1;
  const headingId = 'stage-title';
  const children = [h('h2', { id: headingId }, c.status === 'closed' ? 'Case closed' : `Now: ${c.currentStage.name}`)];
  if (c.status === 'closed') {
    children.push(h('p', {}, 'Closed ', timeEl(h, c.closedAt), c.outcome ? [' with the outcome ', h('strong', { text: c.outcome })] : null, '.'));
  } else {
    children.push(h('p', { class: 'meta' }, c.currentStage.enteredAt ? ['Entered ', timeEl(h, c.currentStage.enteredAt)] : 'Starting this stage…'));
    if (c.pendingAdvance) {
      children.push(h('p', { class: 'notice', role: 'status', text: last ? 'Closing the case…' : 'Moving to the next stage…' }));
    }
    const canWork = ['work', 'manage'].includes(access);
    const stage = t.stages[c.currentStage.index];
    children.push(stageWork(c, stage, { canWork, act }));
    if (c.status === 'onHold') {
      children.push(h('p', { class: 'notice', text: 'On hold: work can be recorded, but the case does not move on until it is resumed.' }));
    } else if (stage.advance === 'auto') {
      // The orchestration advances an automatic stage as soon as its checklist is done: no button to press.
      children.push(h('p', { class: 'hint', text: 'This stage moves on by itself once its checklist is done.' }));
    } else if (canWork) {
      const reasonId = uid();
      const reason = h('input', { id: reasonId, name: 'reason', type: 'text', maxlength: 500, placeholder: 'Optional' });
      const button = h('button', { type: 'submit', class: 'button primary', disabled: Boolean(c.pendingAdvance) || !c.currentStage.enteredAt, text: last ? 'Close case' : `Advance to ${t.stages[c.currentStage.index + 1].name}` });
      const form = h('form', { class: 'inline-form' }, h('div', { class: 'field' }, h('label', { for: reasonId, text: 'Reason' }), reason), button);
      form.addEventListener('submit', event => {
        event.preventDefault();
        act(button, () => api(`/api/cases/${enc(c.id)}/advance`, { method: 'POST', body: { reason: reason.value.trim() || undefined, fromStage: c.currentStage.key } }),
          last ? 'Closing the case.' : 'Advancing the case.');
      });
      children.push(form);
    }
    if (!canWork && !past) children.push(h('p', { class: 'hint', text: 'You can read this case. Its owner and members can work it.' }));
  }
  // A redraw of the same stage visit keeps what someone typed or chose in its forms (dom.remount).
  const visit = `${c.currentStage.key}/${c.currentStage.visit}/${c.status}`;
  remount(section, section.dataset.visit === visit, ...children);
  section.dataset.visit = visit;
}

/** Export (JSON, CSV) and "verify integrity", which recomputes the hash chain on the server. */
function timelineTools(id) {
  const result = h('p', { class: 'verify-result', role: 'status' });
  const verify = h('button', { type: 'button', class: 'button', text: 'Verify integrity' });
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    result.className = 'verify-result';
    result.textContent = 'Checking the hash chain…';
    try {
      const v = await api(`/api/cases/${enc(id)}/timeline/verify`);
      result.className = `verify-result ${v.valid ? 'ok' : 'bad'}`;
      result.textContent = v.valid
        ? `Intact: all ${v.entries} entries are chained and match the case.`
        : `Broken${v.firstBrokenSeq ? ` at entry #${v.firstBrokenSeq}` : ''}: ${v.reason ?? 'the chain does not match.'}`;
    } catch (error) {
      result.textContent = error.message;
    } finally {
      verify.disabled = false;
    }
  });
  const exporter = format => h('button', {
    type: 'button', class: 'button subtle', text: `Export ${format.toUpperCase()}`,
    on: { click: () => download(`/api/cases/${enc(id)}/timeline/export?format=${format}`, `timeline-${id}.${format}`).catch(e => toast(e.message, 'error')) },
  });
  return h('div', { class: 'timeline-tools' }, h('div', { class: 'toolbar' }, verify, exporter('json'), exporter('csv')), result);
}
