import { describe, expect, it, vi } from 'vitest';
import { listenForShortcuts, runShortcut } from '../../../renderer/keyboard/listenForShortcuts';
import { commandFor } from '../../../renderer/keyboard/shortcuts';
import type { AppSession } from '../../../renderer/session/AppSession';

const mods = (m: { ctrlKey?: boolean; shiftKey?: boolean }) => ({ ctrlKey: !!m.ctrlKey, metaKey: false, shiftKey: !!m.shiftKey, altKey: false });
const key = (k: string, m: { ctrlKey?: boolean; shiftKey?: boolean; tagName?: string } = {}) => ({
  key: k,
  ...mods(m),
  target: m.tagName ? ({ tagName: m.tagName, isContentEditable: false } as unknown as EventTarget) : null,
});
/** A keydown event as the window gets it (its target is set by dispatching). */
const keydown = (k: string, m: { ctrlKey?: boolean; shiftKey?: boolean } = {}) => Object.assign(new Event('keydown', { cancelable: true }), { key: k, ...mods(m) });

/** A stand-in app session with a project whose workspace records the shortcuts it is given. */
function fakeApp(hasProject = true) {
  const save = vi.fn(async (_asNew: boolean) => undefined);
  const ran: string[] = [];
  const workspace = { runShortcut: (c: string) => (ran.push(c), true) };
  const app = { save, getSnapshot: () => ({ project: hasProject ? { workspace } : null }) } as unknown as AppSession;
  return { app, save, ran };
}

describe('commandFor', () => {
  it('maps keys to commands, leaving keys typed into fields to the field except Ctrl+S', () => {
    expect(commandFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(key('m'))).toBe('macro');
    expect(commandFor(key('m', { tagName: 'INPUT' }))).toBeNull();
    expect(commandFor(key('Delete', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(commandFor(key('s', { ctrlKey: true, tagName: 'INPUT' }))).toBe('save');
    expect(commandFor(key('S', { ctrlKey: true, shiftKey: true, tagName: 'SELECT' }))).toBe('saveAs');
    expect(commandFor(key('q'))).toBeNull();
  });
});

describe('shortcut routing', () => {
  it('sends save and save as to the app session, everything else to the workspace', () => {
    const { app, save, ran } = fakeApp();
    expect(runShortcut(app, 'save')).toBe(true);
    expect(runShortcut(app, 'saveAs')).toBe(true);
    expect(save.mock.calls).toEqual([[false], [true]]);
    expect(runShortcut(app, 'undo')).toBe(true);
    expect(ran).toEqual(['undo']);
  });

  it('carries out nothing without an open project, and leaves the key to the browser then', () => {
    const { app, save } = fakeApp(false);
    const target = new EventTarget();
    const stop = listenForShortcuts(target, app);
    const e = keydown('s', { ctrlKey: true });
    target.dispatchEvent(e);
    expect(save).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(false);
    stop();
  });

  it('takes a handled key from the browser, and stops listening when told', () => {
    const { app, save } = fakeApp();
    const target = new EventTarget();
    const stop = listenForShortcuts(target, app);
    const e = keydown('s', { ctrlKey: true });
    target.dispatchEvent(e);
    expect(save).toHaveBeenCalledWith(false);
    expect(e.defaultPrevented).toBe(true);
    stop();
    target.dispatchEvent(keydown('s', { ctrlKey: true }));
    expect(save).toHaveBeenCalledTimes(1);
  });
});
