import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode } from '../../geodata/counties';
import { useApp } from '../appContext';
import { useSelect } from '../state/useStore';
import { CountyInfo } from './CountyInfo';
import { CountyList } from './CountyList';
import { MapView } from './MapView';
import { RecentFiles } from './RecentFiles';
import { RecoveryList } from './RecoveryList';
import { StartPanel } from './StartPanel';

/**
 * The start screen: open the sample or a file, recover a crash copy, reopen a recent file, or pick a county in
 * the list or on the map (which zooms to it) and plan it. The recent files and crash copies are read each time it shows.
 */
export function StartScreen() {
  const { i18n } = useTranslation();
  const { session, startMap, cursor } = useApp();
  const { openError, recent, recoverable } = useSelect(session, (s) => s);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selected = selectedCode ? countyByCode(selectedCode) : undefined;
  useEffect(() => void session.refreshStart(), [session]);
  const select = (code: string) => {
    setSelectedCode(code);
    startMap.zoomToCounty(code);
  };
  return (
    <main className="workspace">
      <div className="start-column">
        <StartPanel onOpenSample={() => void session.openSample()} onOpenFile={() => void session.openFile()} error={openError} />
        <RecoveryList items={recoverable} onRecover={(id) => void session.recover(id)} onDiscard={(id) => void session.discardRecovery(id)} />
        <RecentFiles files={recent} onOpen={(handle) => void session.openRecent(handle)} />
        <CountyList counties={GUIZHOU_COUNTIES} selectedCode={selectedCode} onSelect={select} />
      </div>
      <div className="map-pane">
        <MapView
          language={i18n.language === 'zh' ? 'zh' : 'en'}
          counties={GUIZHOU_COUNTIES}
          selectedCode={selectedCode}
          commands={startMap}
          onSelect={select}
          onCursor={(lonLat) => cursor.update({ lonLat })}
        />
        {selected && <CountyInfo county={selected} onClose={() => setSelectedCode(null)} onPlan={(code) => session.planCounty(code)} />}
      </div>
    </main>
  );
}
