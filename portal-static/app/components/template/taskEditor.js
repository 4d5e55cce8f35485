// A task in the template editor: its title and key, who it is for, when it is due and whether the stage needs it.
import { checkbox, named, number, text } from './boundControls.js';

export const newTask = () => ({ key: '', title: '', assignee: 'owner', dueInHours: null, required: true, _auto: true });

export function taskFields(ctx, t, p) {
  return [...named(ctx, t, 'title', p, 'Title'),
    text(ctx, t, 'assignee', p, 'Assignee role', { list: 'role-suggestions', spellcheck: 'false' }, '"owner" or a participant role'),
    number(ctx, t, 'dueInHours', p, 'Due in (hours)'),
    checkbox(t, 'required', 'Required to leave the stage')];
}
