import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIZHOU_COUNTIES, countyByCode } from '../../geodata/counties';
import { useApp } from '../appContext';
import { useSelect } from '../state/useStore';
import { CountyInfo } from './CountyInfo';
import { CountyList } from './CountyList';
import { colourOfValue, figureClasses, figureOf, type ProvinceFigure } from '../province/provinceFigures';
import { MapView } from './MapView';
import { ProvinceLegend, ProvinceOpen, ProvincePanel, RoadmapCountyCard } from './ProvinceView';
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
  const { openError, recent, recoverable, roadmap, roadmapError } = useSelect(session, (s) => s);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [figure, setFigure] = useState<ProvinceFigure>('per10k');
  const selected = selectedCode ? countyByCode(selectedCode) : undefined;
  const roadmapCounty = roadmap && selectedCode ? roadmap.index.counties.find((c) => c.code === selectedCode) : undefined;
  // the province view colours the county outlines by the chosen figure of the roadmap
  const { fills, classes } = useMemo(() => {
    if (!roadmap) return { fills: null, classes: [] };
    const values = roadmap.index.counties.map((c) => figureOf(c, figure));
    const cls = figureClasses(values, figure);
    return { fills: new Map(roadmap.index.counties.map((c, i) => [c.code, colourOfValue(values[i], cls)])), classes: cls };
  }, [roadmap, figure]);
  useEffect(() => void session.refreshStart(), [session]);
  const select = (code: string) => {
    setSelectedCode(code);
    // the province view keeps the whole province in sight: the county is highlighted, not zoomed to
    if (!roadmap) startMap.zoomToCounty(code);
  };
  return (
    <main className={roadmap ? 'workspace province-mode' : 'workspace'}>
      <div className="start-column">
        <StartPanel onOpenSample={() => void session.openSample()} onOpenFile={() => void session.openFile()} error={openError} />
        {roadmap ? (
          <ProvincePanel
            roadmap={roadmap}
            figure={figure}
            selectedCode={selectedCode}
            error={roadmapError}
            onFigure={setFigure}
            onSelect={select}
            onOpenCounty={(code) => void session.openRoadmapCounty(code)}
            onClose={() => session.closeRoadmap()}
          />
        ) : (
          <>
            <ProvinceOpen error={roadmapError} onOpen={() => void session.openRoadmapFolder()} />
            <RecoveryList items={recoverable} onRecover={(id) => void session.recover(id)} onDiscard={(id) => void session.discardRecovery(id)} />
            <RecentFiles files={recent} onOpen={(handle) => void session.openRecent(handle)} />
            <CountyList counties={GUIZHOU_COUNTIES} selectedCode={selectedCode} onSelect={select} />
          </>
        )}
      </div>
      <div className="map-pane">
        <MapView
          language={i18n.language === 'zh' ? 'zh' : 'en'}
          counties={GUIZHOU_COUNTIES}
          selectedCode={selectedCode}
          commands={startMap}
          onSelect={select}
          onCursor={(lonLat) => cursor.update({ lonLat })}
          fills={fills}
        />
        {roadmap && <ProvinceLegend figure={figure} classes={classes} />}
        {roadmapCounty ? (
          <RoadmapCountyCard county={roadmapCounty} onOpen={(code) => void session.openRoadmapCounty(code)} onClose={() => setSelectedCode(null)} />
        ) : selected && <CountyInfo county={selected} onClose={() => setSelectedCode(null)} onPlan={(code) => session.planCounty(code)} />}
      </div>
    </main>
  );
}
