/** One long task the user can watch and cancel (a recompute, an import, a suggestion run, an export). */
export interface Task {
  id: number;
  /** i18n key of the task's name, e.g. 'tasks.coverage' */
  labelKey: string;
  /** 0..1, or null while the size of the work is unknown */
  fraction: number | null;
  cancel(): void;
}

export type TaskBody<T> = (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<T>;

/**
 * Tracks running tasks for the progress bar. `run` gives the body an AbortSignal (cancelled by the user's
 * Cancel button or by a newer run of the same label) and a progress callback throttled to one update per
 * animation frame, so a fast loop cannot flood React.
 */
export class TaskTracker {
  private tasks: Task[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  readonly getTasks = (): readonly Task[] => this.tasks;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs `body` as a task; a task already running under the same label is cancelled first (latest wins). */
  async run<T>(labelKey: string, body: TaskBody<T>): Promise<T> {
    for (const t of this.tasks) if (t.labelKey === labelKey) t.cancel();
    const controller = new AbortController();
    const id = this.nextId++;
    let pending: number | null = null;
    let frame = 0;
    const task: Task = { id, labelKey, fraction: null, cancel: () => controller.abort() };
    this.update(() => [...this.tasks, task]);
    const onProgress = (fraction: number) => {
      pending = fraction;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.update(() => this.tasks.map((t) => (t.id === id ? { ...t, fraction: pending } : t)));
      });
    };
    try {
      return await body(controller.signal, onProgress);
    } finally {
      cancelAnimationFrame(frame);
      this.update(() => this.tasks.filter((t) => t.id !== id));
    }
  }

  private update(next: () => Task[]): void {
    this.tasks = next();
    for (const l of this.listeners) l();
  }
}
