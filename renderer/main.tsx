import 'leaflet/dist/leaflet.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { configureSqlJs } from '../geodata/gpkg/sqlJs';
import { App } from './App';
import { pickHost } from './host';
import { initI18n } from './i18n';

configureSqlJs({ locateFile: () => wasmUrl });
await initI18n();
const host = pickHost();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
