/**
 * Runs async jobs one after another, in call order, so read-modify-write steps on one file (recent.json,
 * an autosave's name) never interleave. A failed job rejects its own caller only.
 * @example const serial = createSerialQueue(); await serial(() => updateRecentList(file));
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
