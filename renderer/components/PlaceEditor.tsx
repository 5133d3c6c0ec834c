import { useTranslation } from 'react-i18next';
import { PLACE_CATEGORIES, type PlaceCategory } from '../../core/model';
import { useProject } from '../appContext';
import { useSelect } from '../state/useStore';

/**
 * Over the map, while a place is drawn or selected: what the click does next (place a point, add a vertex, add a
 * key point), the area's Finish and Cancel, and the selected place's name, category, key points and Delete. Each
 * change is one named undoable edit (renderer/actions/placeActions); scores follow as they do for sites.
 */
export function PlaceEditor() {
  const { t } = useTranslation();
  const { session, workspace } = useProject();
  const tool = useSelect(workspace.ui, (ui) => ui.tool);
  const drawing = useSelect(workspace.ui, (ui) => ui.drawing);
  const selectedId = useSelect(workspace.ui, (ui) => ui.selectedPlaceId);
  const place = useSelect(session.store, (s) => s.places.find((p) => p.id === selectedId) ?? null);
  if (tool === 'placePoint') {
    return (
      <section className="place-editor" data-testid="place-editor">
        <p>{t('countyLayers.drawPointHint')}</p>
        <button type="button" onClick={() => workspace.setTool('select')}>{t('countyLayers.cancelDrawing')}</button>
      </section>
    );
  }
  if (tool === 'placeArea') {
    return (
      <section className="place-editor" data-testid="place-editor">
        <p>{t('countyLayers.drawAreaHint', { count: drawing.length })}</p>
        <div className="actions">
          <button type="button" className="primary" data-testid="finish-drawing" disabled={drawing.length < 3} onClick={() => workspace.finishDrawing()}>
            {t('countyLayers.finishDrawing')}
          </button>
          <button type="button" onClick={() => workspace.setTool('select')}>{t('countyLayers.cancelDrawing')}</button>
        </div>
      </section>
    );
  }
  if (!place) return null;
  const isAddingKeyPoints = tool === 'keyPoint';
  return (
    <section className="place-editor" data-testid="place-editor" data-place-id={place.id}>
      <div className="row">
        <label>
          {t('countyLayers.placeName')}
          {/* keyed by place: a half-typed name stays with its place; committed on blur or Enter */}
          <input key={place.id} data-testid="place-name" defaultValue={place.name}
            onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== place.name && workspace.updateSelectedPlace({ name: e.target.value.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
        </label>
        <label>
          {t('countyLayers.placeCategory')}
          <select data-testid="place-category" value={place.category} onChange={(e) => workspace.updateSelectedPlace({ category: e.target.value as PlaceCategory })}>
            {PLACE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`score.categories.${c}`)}</option>)}
          </select>
        </label>
      </div>
      <p className="muted small">{t('countyLayers.keyPoints', { count: place.keyPoints?.length ?? 0 })}</p>
      <div className="actions">
        <button type="button" data-testid="add-key-points" aria-pressed={isAddingKeyPoints} onClick={() => workspace.setTool(isAddingKeyPoints ? 'select' : 'keyPoint')}>
          {isAddingKeyPoints ? t('countyLayers.stopKeyPoints') : t('countyLayers.addKeyPoints')}
        </button>
        <button type="button" disabled={!place.keyPoints?.length} onClick={() => workspace.removeLastKeyPoint()}>{t('countyLayers.removeKeyPoint')}</button>
        <button type="button" className="danger" data-testid="delete-place" onClick={() => workspace.deleteSelectedPlace()}>{t('countyLayers.deletePlace')}</button>
        <button type="button" className="link" onClick={() => { workspace.setTool('select'); workspace.ui.update({ selectedPlaceId: null }); }}>{t('countyLayers.closeEditor')}</button>
      </div>
    </section>
  );
}
