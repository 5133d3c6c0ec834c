import { useTranslation } from 'react-i18next';
import { useProject } from '../appContext';
import { useSelect } from '../state/useStore';
import { coverageRaster } from '../workspace/coverageRaster';
import type { CoverageKind } from '../workspace/Workspace';
import { LayerKey } from './LayerKey';
import { Legend } from './Legend';

/** Under the plan map: the offline base map (MBTiles) button, which coverage raster shows, and its legend and opacity. */
export function MapLegendPanel() {
  const { t } = useTranslation();
  const { compute, workspace } = useProject();
  const baseMap = useSelect(workspace.ui, (ui) => ui.baseMap);
  const baseMapError = useSelect(workspace.ui, (ui) => ui.baseMapError);
  const kind = useSelect(workspace.ui, (ui) => ui.coverageKind);
  const opacity = useSelect(workspace.ui, (ui) => ui.coverageOpacity);
  const palette = coverageRaster(compute.rasters, kind)?.palette;
  return (
    <div className="map-legend">
      <div className="base-map">
        <button type="button" data-testid="open-base-map" onClick={() => void workspace.openBaseMap()}>
          {baseMap ? t('baseMap.replace', { name: baseMap.metadata.name ?? 'MBTiles' }) : t('baseMap.open')}
        </button>
        {baseMapError && <span className="error" role="alert">{baseMapError}</span>}
      </div>
      <label className="coverage-kind">
        {t('layers.coverage')}
        <select value={kind} data-testid="coverage-kind" onChange={(e) => workspace.ui.update({ coverageKind: e.target.value as CoverageKind })}>
          <option value="rsrp">{t('layers.rsrp')}</option>
          <option value="sinr">{t('layers.sinr')}</option>
          <option value="throughput">{t('layers.throughput')}</option>
          <option value="none">{t('layers.none')}</option>
        </select>
      </label>
      {palette && (
        <Legend title={t(`layers.${kind}`)} palette={palette} opacity={opacity} onOpacity={(coverageOpacity) => workspace.ui.update({ coverageOpacity })} note={t('layers.modelled')} />
      )}
      <LayerKey />
    </div>
  );
}
