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
          {task.fraction === null ? (
            // work of unknown size: a bar moved by a CSS transform, which the compositor animates; the native
            // indeterminate <progress> repaints on the main thread every frame (issue #11, see styles.css)
            <span className="task-running" role="progressbar" aria-label={t(task.labelKey)}><span /></span>
          ) : (
            <progress max={1} value={task.fraction} aria-label={t(task.labelKey)} />
          )}
          <span className="task-pct">{task.fraction === null ? '' : `${Math.round(task.fraction * 100)} %`}</span>
          <button type="button" onClick={task.cancel} data-testid="task-cancel">
            {t('tasks.cancel')}
          </button>
        </div>
      ))}
    </div>
  );
}
