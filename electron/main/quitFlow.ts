/** How long main waits for the renderer's answer before closing and keeping the last autosave, ms. */
export const QUIT_ANSWER_TIMEOUT_MS = 10_000;

/** The close round trip: main asks the renderer, the renderer autosaves or says it is clean, main closes. */
export interface QuitFlow {
  /** the page registered a before-quit listener; before that (or after unsubscribe) closes are not held */
  subscribe(): void;
  /** the page is reloading: its listener is gone */
  unsubscribe(): void;
  /** call from the window's 'close' event: holds the close and asks the renderer, once */
  intercept(event: { preventDefault(): void }): void;
  /** the renderer answered (quitReady); returns false when no close was pending */
  answered(): boolean;
}

/**
 * Creates the close round trip; it holds closes only once the page subscribed (a page without a listener
 * would otherwise delay every close by the timeout). `ask` sends the before-quit event and returns false when there is no
 * renderer to ask (then the close goes ahead at once); `proceed` closes for real. A renderer that never
 * answers (hung, crashed) does not block the close: after `timeoutMs` main proceeds and the last autosave
 * stays on disk for recovery.
 * @example const flow = createQuitFlow({ ask: () => send(beforeQuitEvent), proceed: () => app.quit() });
 *          win.on('close', (e) => flow.intercept(e));
 */
export function createQuitFlow(deps: { ask: () => boolean; proceed: () => void; timeoutMs?: number }): QuitFlow {
  let state: 'open' | 'asking' | 'closing' = 'open';
  let subscribed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const proceed = () => {
    clearTimeout(timer);
    state = 'closing';
    deps.proceed();
  };
  return {
    subscribe: () => void (subscribed = true),
    unsubscribe: () => void (subscribed = false),
    intercept(event) {
      if (state === 'closing' || (state === 'open' && !subscribed)) return;
      event.preventDefault();
      if (state === 'asking') return;
      if (!deps.ask()) return proceed();
      state = 'asking';
      timer = setTimeout(proceed, deps.timeoutMs ?? QUIT_ANSWER_TIMEOUT_MS);
    },
    answered() {
      if (state !== 'asking') return false;
      proceed();
      return true;
    },
  };
}
