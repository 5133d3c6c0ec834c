import { useTranslation } from 'react-i18next';
import type { ProjectFileSnapshot } from '../session/ProjectFile';

interface Props {
  file: ProjectFileSnapshot;
  onSave(): void;
  onSaveAs(): void;
  onImport(): void;
  onExport(): void;
}

/** The workspace toolbar's file buttons: save, save as, import, export the build list. */
export function FileActions({ file, onSave, onSaveAs, onImport, onExport }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" data-testid="save" data-dirty={file.isDirty} disabled={file.isSaving} title={t('file.saveHint')} onClick={onSave}>
        {file.isSaving ? t('file.saving') : t('file.save')}
      </button>
      <button type="button" data-testid="save-as" disabled={file.isSaving} title={t('file.saveAsHint')} onClick={onSaveAs}>
        {t('file.saveAs')}
      </button>
      <button type="button" data-testid="import" onClick={onImport}>{t('importer.button')}</button>
      <button type="button" data-testid="export" onClick={onExport}>{t('exporter.button')}</button>
    </>
  );
}
