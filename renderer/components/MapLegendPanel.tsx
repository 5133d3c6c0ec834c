import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROPAGATION_MODEL } from '../../core/propagation';
import { legendModelLine } from '../calibration/modelText';
import { ERROR_CLASSES } from '../map/DriveTestErrorLayer';
import { useApp, useProject } from '../appContext';
import { useSelect } from '../state/useStore';
import { coverageRaster } from '../workspace/coverageRaster';
import type { CoverageKind } from '../workspace/Workspace';
import { CountyLayersPanel } from './CountyLayersPanel';
import { LayerKey } from './LayerKey';
import { Legend } from './Legend';

/**
 * Over the plan map, kept off its centre (where a picked gap or place is brought): at the top right, under the
 * layer switcher, what the county's layers rest on and the offline base map (MBTiles) button; at the bottom left,
 * which coverage raster shows, its legend and opacity, and the key to the map's symbols.
 */
export function MapLegendPanel() {
  const { t } = useTranslation();
  const app = useApp();
  const { compute, workspace, session, calibration } = useProject();
  const model = useSelect(session.store, (s) => s.propagationModel) ?? DEFAULT_PROPAGATION_MODEL;
  const calib = useSyncExternalStore(calibration.subscribe, calibration.getSnapshot);
  const isShowingErrors = calib.showOnMap && calib.outcome !== null;
  const baseMap = useSelect(workspace.ui, (ui) => ui.baseMap);
  const baseMapError = useSelect(workspace.ui, (ui) => ui.baseMapError);
  const kind = useSelect(workspace.ui, (ui) => ui.coverageKind);
  const opacity = useSelect(workspace.ui, (ui) => ui.coverageOpacity);
  const palette = coverageRaster(compute.rasters, kind)?.palette;
  return (
    <>
      <div className="map-info">
        <CountyLayersPanel onLoadDem={() => void app.session.loadDem()} />
        <div className="base-map">
          <button type="button" data-testid="open-base-map" onClick={() => void workspace.openBaseMap()}>
            {baseMap ? t('baseMap.replace', { name: baseMap.metadata.name ?? 'MBTiles' }) : t('baseMap.open')}
          </button>
          {baseMapError && <span className="error" role="alert">{baseMapError}</span>}
        </div>
      </div>
      <div className="map-legend">
        <label className="coverage-kind">
          {t('layers.coverage')}
          <select value={kind} data-testid="coverage-kind" onChange={(e) => workspace.ui.update({ coverageKind: e.target.value as CoverageKind })}>
            <option value="rsrp">{t('layers.rsrp')}</option>
            <option value="sinr">{t('layers.sinr')}</option>
            <option value="throughput">{t('layers.throughput')}</option>
            <option value="load">{t('capacityUi.layer')}</option>
            <option value="none">{t('layers.none')}</option>
          </select>
        </label>
        {palette && (
          <Legend
            title={kind === 'load' ? t('capacityUi.layer') : t(`layers.${kind}`)}
            palette={palette}
            opacity={opacity}
            onOpacity={(coverageOpacity) => workspace.ui.update({ coverageOpacity })}
            note={kind === 'load' ? t('capacityUi.layerNote') : `${t('layers.modelled')} · ${legendModelLine(model, t)}`}
          />
        )}
        {isShowingErrors && (
          <div className="legend" data-testid="legend-drive-test-error">
            <div className="legend-title">{t('calibration.errorLayer')} <span className="muted">(dB)</span></div>
            <ul>
              {[...ERROR_CLASSES].reverse().map((c) => (
                <li key={c.id}><span className="swatch round" style={{ background: c.colour }} />{t(`calibration.errorBins.${c.id}`)}</li>
              ))}
            </ul>
          </div>
        )}
        <LayerKey />
      </div>
    </>
  );
}
