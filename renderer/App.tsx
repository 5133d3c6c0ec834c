import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode } from '../geodata/counties';
import { CountyInfo } from './components/CountyInfo';
import { CountyList } from './components/CountyList';
import { MapView } from './components/MapView';
import type { Host } from './host';
import { setLanguage } from './i18n';

interface Props {
  host: Host;
}

/** The app shell: header, county list, the map with the selected county's facts, status bar. */
export function App({ host }: Props) {
  const { t, i18n } = useTranslation();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [zoomRequest, setZoomRequest] = useState(0);
  const [resetRequest, setResetRequest] = useState(0);
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const selected = useMemo(() => (selectedCode ? countyByCode(selectedCode) : undefined), [selectedCode]);

  const select = useCallback((code: string) => {
    setSelectedCode(code);
    setZoomRequest((n) => n + 1);
  }, []);

  return (
    <div className="app" data-host={host.kind}>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span className="subtitle">{t('app.subtitle')}</span>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setResetRequest((n) => n + 1)}>
            {t('map.resetView')}
          </button>
          <button
            type="button"
            aria-label={t('app.language')}
            data-testid="language-toggle"
            onClick={() => void setLanguage(i18n.language === 'zh' ? 'en' : 'zh')}
          >
            {t('app.switchTo')}
          </button>
        </div>
      </header>
      <main className="workspace">
        <CountyList counties={GUIZHOU_COUNTIES} selectedCode={selectedCode} onSelect={select} />
        <div className="map-pane">
          <MapView
            language={i18n.language === 'en' ? 'en' : 'zh'}
            counties={GUIZHOU_COUNTIES}
            selectedCode={selectedCode}
            zoomRequest={zoomRequest}
            resetRequest={resetRequest}
            onSelect={select}
            onCursor={setCursor}
          />
          {selected && <CountyInfo county={selected} onClose={() => setSelectedCode(null)} />}
        </div>
      </main>
      <footer className="statusbar">
        <span data-testid="cursor">
          {cursor ? t('map.cursor', { lon: cursor[0].toFixed(5), lat: cursor[1].toFixed(5) }) : '\u00a0'}
        </span>
        <span className="muted">{t('map.attribution')}</span>
      </footer>
    </div>
  );
}
