import { useTranslation } from 'react-i18next';
import { populationLayerLabel, terrainLayerLabel, type LayerLabel } from '../../geodata/defaults/layerLabels';
import { useProject } from '../appContext';
import { currentTerrain } from '../session/ProjectSession';
import { useSelect } from '../state/useStore';

/** One layer's line: what it rests on, and on opening, the numbers, what it cannot show, the next step and the credit. */
function LayerLine({ id, label, onAction }: { id: string; label: LayerLabel; onAction?: () => void }) {
  const { t } = useTranslation();
  return (
    <details className="county-layer" data-testid={`layer-label-${id}`}>
      <summary title={label.detail}>
        {label.label}
        {label.caveat && <span className="warn-mark" aria-hidden="true"> ⚠</span>}
      </summary>
      <p className="layer-detail">{label.detail}</p>
      {label.caveat && <p className="layer-caveat" data-testid={`layer-caveat-${id}`}>{t('countyLayers.cannotShow')}{label.caveat}</p>}
      {label.attribution && <p className="layer-attribution" data-testid={`layer-attribution-${id}`}>{label.attribution}</p>}
      {label.action && onAction && (
        <button type="button" className="link" data-testid={`layer-action-${id}`} onClick={onAction}>
          {label.action}
        </button>
      )}
    </details>
  );
}

/**
 * What the project's population and terrain rest on (geodata/defaults layerLabels), in the map's corner: one
 * line each, opened for the numbers, what the layer cannot show and the data's attribution (GPW: CIESIN CC BY 4.0;
 * SRTM30_PLUS: Becker et al. 2009); the grid's cell size, and why it is coarser than 25 m on a large county.
 */
export function CountyLayersPanel({ onLoadDem }: { onLoadDem?: () => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useProject();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { grid, population } = session.base;
  // the store holds the terrain's id: a DEM loaded, undone or redone relabels the line
  useSelect(session.store, (s) => s.terrainId);
  const terrain = currentTerrain(session);
  const cells = grid.cols * grid.rows;
  return (
    <div className="county-layers" data-testid="county-layers">
      <LayerLine id="population" label={populationLayerLabel(population, lang)} />
      <LayerLine id="terrain" label={terrainLayerLabel(terrain, lang)} onAction={onLoadDem} />
      <div className="layer-grid" data-testid="layer-grid" title={t('countyLayers.gridWhy')}>
        {t(grid.cellSizeM > 25 ? 'countyLayers.gridCoarse' : 'countyLayers.grid', {
          cellSizeM: grid.cellSizeM,
          cellsM: (cells / 1e6).toFixed(1),
        })}
      </div>
      {onLoadDem && (
        <button type="button" className="load-dem" data-testid="load-dem" title={terrainLayerLabel(terrain, lang).action} onClick={onLoadDem}>
          {t('countyLayers.loadDem')}
        </button>
      )}
    </div>
  );
}
