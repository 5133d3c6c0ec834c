import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A project the browser build saved or opened, kept whole because a tab cannot reopen a file by path. */
export interface WebRecentEntry {
  handle: string;
  name: string;
  modifiedMs: number;
  bytes: Uint8Array;
  /** opened from disk or saved (downloaded) by the app; absent in entries older than the field */
  origin?: 'opened' | 'saved';
}

/** A tab's crash copy; `key` is `<tab session>:<projectKey>` so a new tab never overwrites an old one. */
export interface WebAutosaveEntry {
  key: string;
  name: string;
  modifiedMs: number;
  bytes: Uint8Array;
  /** the recent entry the project was saved as, if any */
  handle?: string;
}

/** The browser build's IndexedDB schema: recent projects and autosaves. */
export interface WebStoreSchema extends DBSchema {
  recent: { key: string; value: WebRecentEntry; indexes: { modifiedMs: number } };
  autosave: { key: string; value: WebAutosaveEntry };
}

/** Name of the browser build's IndexedDB database. */
export const WEB_STORE_NAME = 'qiancheng-planner';

/**
 * Opens (creating on first use) the browser build's IndexedDB database through the `idb` wrapper.
 * @example const db = await openWebStore(); await db.put('autosave', entry);
 */
export function openWebStore(name: string = WEB_STORE_NAME): Promise<IDBPDatabase<WebStoreSchema>> {
  return openDB<WebStoreSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('recent', { keyPath: 'handle' }).createIndex('modifiedMs', 'modifiedMs');
      db.createObjectStore('autosave', { keyPath: 'key' });
    },
  });
}
