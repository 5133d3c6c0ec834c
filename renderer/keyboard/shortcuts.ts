/** Every keyboard shortcut of the planning workspace: one table serves the handler and the help panel. */
export type ShortcutCommand = 'undo' | 'redo' | 'select' | 'macro' | 'micro' | 'indoor' | 'delete' | 'copy' | 'rotateLeft' | 'rotateRight' | 'cancel' | 'help' | 'save' | 'saveAs';

export interface Shortcut {
  command: ShortcutCommand;
  /** as shown in the help panel */
  keys: string;
  matches(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean;
}

const mod = (e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>) => e.ctrlKey || e.metaKey;
const plain = (e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>) => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (e: Pick<KeyboardEvent, 'key'>) => e.key.toLowerCase();

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'undo', keys: 'Ctrl+Z', matches: (e) => mod(e) && !e.shiftKey && key(e) === 'z' },
  { command: 'redo', keys: 'Ctrl+Y / Ctrl+Shift+Z', matches: (e) => mod(e) && (key(e) === 'y' || (e.shiftKey && key(e) === 'z')) },
  { command: 'select', keys: 'V', matches: (e) => plain(e) && key(e) === 'v' },
  { command: 'macro', keys: 'M', matches: (e) => plain(e) && key(e) === 'm' },
  { command: 'micro', keys: 'U', matches: (e) => plain(e) && key(e) === 'u' },
  { command: 'indoor', keys: 'I', matches: (e) => plain(e) && key(e) === 'i' },
  { command: 'delete', keys: 'Delete', matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace') },
  { command: 'copy', keys: 'Ctrl+D', matches: (e) => mod(e) && key(e) === 'd' },
  { command: 'rotateLeft', keys: '[', matches: (e) => plain(e) && e.key === '[' },
  { command: 'rotateRight', keys: ']', matches: (e) => plain(e) && e.key === ']' },
  { command: 'cancel', keys: 'Esc', matches: (e) => e.key === 'Escape' },
  { command: 'help', keys: '?', matches: (e) => !mod(e) && e.key === '?' },
  { command: 'save', keys: 'Ctrl+S', matches: (e) => mod(e) && !e.shiftKey && key(e) === 's' },
  { command: 'saveAs', keys: 'Ctrl+Shift+S', matches: (e) => mod(e) && e.shiftKey && key(e) === 's' },
];

/** Shortcuts that work while typing in a field too: the browser's own Ctrl+S (save the page) is never what the planner wants. */
const IN_FIELDS: ReadonlySet<ShortcutCommand> = new Set(['save', 'saveAs']);

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;

/** The command for a key event, or null; keys typed into form fields are left to the field (but Ctrl+S). */
export function commandFor(e: KeyEventLike): ShortcutCommand | null {
  const command = SHORTCUTS.find((s) => s.matches(e))?.command ?? null;
  const target = e.target as Partial<HTMLElement> | null;
  const isField = !!target && (target.isContentEditable === true || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName ?? ''));
  return command && isField && !IN_FIELDS.has(command) ? null : command;
}
