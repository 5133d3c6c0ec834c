import { useMemo, useState } from 'react';
import { buildListCostSources } from '../../core/buildList';
import { countReplaced } from '../actions/importActions';
import { useApp } from '../appContext';
import type { OpenProject } from '../session/AppSession';
import { sessionBuildList } from '../session/sessionBuildList';
import { useSelect } from '../state/useStore';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { useSiteGains } from './useSiteGains';

/** The file dialog the app session has open over the workspace: import, or export the build list. */
export function ProjectDialogs({ project }: { project: OpenProject }) {
  const app = useApp();
  const dialog = useSelect(app.session, (s) => s.dialog);
  if (dialog === 'import') {
    return (
      <ImportDialog
        host={app.host}
        county={{ name: project.session.county.name, boundary: project.session.base.boundary }}
        tracker={app.tracker}
        runner={app.importRunner}
        countReplaced={(imported) => countReplaced(project.session.store.getState(), imported)}
        onImport={(imported, fileName) => app.session.acceptImport(imported, fileName)}
        onClose={() => app.session.closeDialog()}
      />
    );
  }
  return dialog === 'export' ? <BuildListExport project={project} /> : null;
}

/**
 * The export dialog over the build list as the project stands when it opens; what each site adds on its own
 * follows from the plan worker a moment later (the dialog shows the rows at once).
 */
function BuildListExport({ project }: { project: OpenProject }) {
  const app = useApp();
  const { session, compute } = project;
  const [sites] = useState(() => session.store.getState().sites);
  const gains = useSiteGains(compute, sites);
  const rows = useMemo(() => sessionBuildList(session, compute.getSnapshot().fibre, gains), [session, compute, gains]);
  return (
    <ExportDialog
      host={app.host}
      tracker={app.tracker}
      runner={app.exportRunner}
      rows={rows}
      fibreMessage={compute.getSnapshot().fibreMessage}
      countyName={{ zh: session.county.name, en: session.county.nameEn }}
      costSources={buildListCostSources({ settings: session.store.getState().settings })}
      onDone={(message) => app.session.closeDialog(message)}
      onClose={() => app.session.closeDialog()}
    />
  );
}
