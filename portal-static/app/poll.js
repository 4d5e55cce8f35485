// "Live enough" without a server push channel: after an action the page polls the case quickly, then backs off
// (0.5 s doubling to 5 s) while nothing changes, and stops when the tab is hidden or the view is left. A change
// resets the delay. This works on the Functions Consumption plan, where long-lived SSE connections cost money.
export function startPolling(check, { min = 500, max = 5000 } = {}) {
  let delay = min;
  let timer = null;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && !document.hidden) timer = setTimeout(tick, delay);
  };
  const tick = async () => {
    let changed = false;
    try {
      changed = await check();
    } catch {
      changed = false;
    }
    delay = changed ? min : Math.min(delay * 2, max);
    schedule();
  };
  const onVisibility = () => (document.hidden ? clearTimeout(timer) : ((delay = min), schedule()));
  document.addEventListener('visibilitychange', onVisibility);
  schedule();

  return {
    /** Polls quickly again, e.g. right after the user did something the orchestration will act on. */
    nudge() { delay = min; schedule(); },
    stop() { stopped = true; clearTimeout(timer); document.removeEventListener('visibilitychange', onVisibility); },
  };
}
