import 'leaflet/dist/leaflet.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configureBundledSqlJs } from './bundledSqlJs';
import { createAppServices } from './createAppServices';
import { pickHost } from './host';
import { initI18n } from './i18n';

configureBundledSqlJs();
await initI18n();
const app = createAppServices(pickHost());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App app={app} />
  </StrictMode>,
);
