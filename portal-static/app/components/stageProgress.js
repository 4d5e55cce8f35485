// Where the case stands: each stage done, current or still ahead.
import { h } from '../dom.js';

export function stageProgress(stages, c) {
  const current = c.currentStage.index;
  const closed = c.status === 'closed';
  return h('ol', { class: 'progress', 'aria-label': 'Stages' },
    stages.map((stage, i) => {
      const state = closed || i < current ? 'done' : i === current ? 'current' : 'todo';
      const label = state === 'done' ? 'done' : state === 'current' ? 'current stage' : 'not started';
      return h('li', { class: `step step-${state}`, 'aria-current': state === 'current' ? 'step' : null },
        h('span', { class: 'step-dot', 'aria-hidden': 'true', text: state === 'done' ? '✓' : String(i + 1) }),
        h('span', { class: 'step-name', text: stage.name }),
        h('span', { class: 'visually-hidden', text: ` (${label})` }));
    }));
}
