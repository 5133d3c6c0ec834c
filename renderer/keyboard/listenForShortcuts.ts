import type { AppSession } from '../session/AppSession';
import { commandFor, type ShortcutCommand } from './shortcuts';

/**
 * Carries out a shortcut where it belongs: save and save as in the app session, the rest in the open project's
 * workspace (Workspace.runShortcut). False when nothing owns it (no project open).
 */
export function runShortcut(app: AppSession, command: ShortcutCommand): boolean {
  const project = app.getSnapshot().project;
  if (!project) return false;
  if (command === 'save' || command === 'saveAs') {
    void app.save(command === 'saveAs');
    return true;
  }
  return project.workspace.runShortcut(command);
}

/**
 * The app's one keyboard listener (SHORTCUTS in shortcuts.ts): a key that names a command someone carries out is
 * taken from the browser (preventDefault). Returns the function that stops listening.
 * @example useEffect(() => listenForShortcuts(window, app.session), [app]);
 */
export function listenForShortcuts(target: EventTarget, app: AppSession): () => void {
  const onKey = (e: Event) => {
    const command = commandFor(e as KeyboardEvent);
    if (command && runShortcut(app, command)) e.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
