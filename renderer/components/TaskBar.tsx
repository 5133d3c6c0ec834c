import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskTracker } from '../tasks/TaskTracker';

/** Progress bars of the running tasks, each with a Cancel button; nothing when idle. */
export function TaskBar({ tracker }: { tracker: TaskTracker }) {
  const { t } = useTranslation();
  const tasks = useSyncExternalStore(tracker.subscribe, tracker.getTasks);
  if (tasks.length === 0) return null;
  return (
    <div className="task-bar" role="status" data-testid="task-bar">
      {tasks.map((task) => (
        <div key={task.id} className="task">
          <span className="task-label">{t(task.labelKey)}</span>
          <progress max={1} value={task.fraction ?? undefined} aria-label={t(task.labelKey)} />
          <span className="task-pct">{task.fraction === null ? '' : `${Math.round(task.fraction * 100)} %`}</span>
          <button type="button" onClick={task.cancel} data-testid="task-cancel">
            {t('tasks.cancel')}
          </button>
        </div>
      ))}
    </div>
  );
}
