// A stage's decision in the template editor: its question and options, each option routing the case onwards.
import { h } from '../../dom.js';
import { bind, errorOnly, named, select, text } from './boundControls.js';
import { editableList } from './editableList.js';

export function decisionEditor(ctx, stages, stage, path) {
  const p = `${path}.decision`;
  const toggle = h('button', {
    type: 'button', class: 'button subtle', text: stage.decision ? 'Remove the decision' : 'Ask for a decision',
    on: { click: () => {
      stage.decision = stage.decision ? null : { question: '', options: [{ key: 'yes', label: 'Yes', outcome: 'next' }, { key: 'no', label: 'No', outcome: 'close:rejected' }] };
      ctx.redraw();
    } },
  });
  if (!stage.decision) return h('fieldset', { class: 'sub' }, h('legend', { text: 'Decision' }), h('p', { class: 'hint', text: 'No decision in this stage.' }), errorOnly(ctx, p), toggle);
  const d = stage.decision;
  return h('div', { class: 'sub' },
    h('fieldset', { class: 'sub-inner' }, h('legend', { text: 'Decision' }),
      text(ctx, d, 'question', p, 'Question', { maxlength: 2000 }),
      editableList(ctx, 'Options', 'Option', d, 'options', p, () => ({ key: '', label: '', outcome: 'next', _auto: true }), (o, op) => [
        ...named(ctx, o, 'label', op, 'Label'), ...outcomeFields(ctx, stages, o, op)])),
    toggle);
}

/** A decision option's route: the next stage, a chosen stage, or closing the case with an outcome key. */
function outcomeFields(ctx, stages, o, p) {
  const [kind, target = ''] = o.outcome.split(':');
  const set = (k, t) => { o.outcome = k === 'next' ? 'next' : `${k}:${t}`; };
  // With no second control, an error about the outcome shows under this one.
  const routes = select(ctx, { outcome: kind }, 'outcome', kind === 'next' ? p : `${p}.route`, 'Then', [['next', 'Go to the next stage'], ['goToStage', 'Go to stage…'], ['close', 'Close the case…']],
    k => { set(k, k === 'goToStage' ? stages[0].key : 'closed'); ctx.redraw(); });
  if (kind === 'goToStage') {
    return [routes, bind(ctx, `${p}.outcome`, 'Stage', h('select', {}, stages.map((s, i) => h('option', { value: s.key, text: s.name || `Stage ${i + 1}` }))),
      () => target, v => set(kind, v))];
  }
  if (kind === 'close') return [routes, bind(ctx, `${p}.outcome`, 'Outcome', h('input', { type: 'text', maxlength: 40, spellcheck: 'false' }), () => target, v => set(kind, v), 'A key, e.g. rejected')];
  return [routes];
}
