import type { Host } from './Host';

/**
 * The browser host: files come from an <input type=file>, saves and exports are downloads. It serves the
 * browser build (`npm run web`) and the end-to-end tests.
 */
export function createWebHost(doc: Document = document): Host {
  return {
    kind: 'web',
    openFile(req) {
      return new Promise((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.style.display = 'none';
        input.addEventListener('change', async () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve({ ok: true, value: null });
          try {
            resolve({ ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
          } catch (err) {
            resolve({ ok: false, code: 'read-failed', message: `${file.name}: ${String(err)}` });
          }
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve({ ok: true, value: null });
        });
        doc.body.appendChild(input);
        input.click();
      });
    },
    async saveFile(req) {
      const blob = new Blob([req.bytes as BlobPart]);
      const url = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = req.suggestedName;
      a.style.display = 'none';
      doc.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: some browsers start the download asynchronously.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, value: { name: req.suggestedName } };
    },
    async confirm(req) {
      return window.confirm(`${req.title}\n\n${req.message}`);
    },
    async appInfo() {
      return { version: __APP_VERSION__, platform: 'web', electron: '' };
    },
  };
}
