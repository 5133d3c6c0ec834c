import { useTranslation } from 'react-i18next';
import { ProjectSettingsLink } from './ProjectSettingsDialog';

interface Props {
  /** why there is no fibre analysis (PlanCompute fibreCode): 'no-olts', 'no-households', 'bad-settings', or null while computing */
  code: string | null;
  /** the reader's English message, shown for a code without words of its own */
  message: string | null;
  /** the compute's status word, while it runs */
  status: string;
  onImportOlts(): void;
  onPlaceOlt(): void;
}

/**
 * The fibre tab before there is an analysis: what is missing and how to add it. No OLTs: import an OLT sheet or
 * place one on the map (both buttons here). No households: load a population raster or import household points.
 * Bad settings: say so, with a link to the project settings screen.
 * @example <FibreNotReady code="no-olts" message={null} status="ready" onImportOlts={...} onPlaceOlt={...} />
 */
export function FibreNotReady({ code, message, status, onImportOlts, onPlaceOlt }: Props) {
  const { t } = useTranslation();
  if (code === null) return <p className="muted small">{message ?? status}</p>;
  return (
    <section className="fibre-missing" data-testid="fibre-missing" data-code={code}>
      <h2>{t('fibre.heading')}</h2>
      <p>
        {code === 'no-olts' || code === 'no-households' || code === 'bad-settings' ? t(`fibre.missing.${code}`) : t('fibre.missing.other', { reason: message ?? code })}
        {code === 'bad-settings' && <> <ProjectSettingsLink /></>}
      </p>
      {code === 'no-olts' && (
        <div className="buttons">
          <button type="button" data-testid="fibre-import-olts" onClick={onImportOlts}>{t('fibre.missing.importOlts')}</button>
          <button type="button" data-testid="fibre-place-olt" onClick={onPlaceOlt}>{t('fibre.missing.placeOlt')}</button>
        </div>
      )}
    </section>
  );
}
