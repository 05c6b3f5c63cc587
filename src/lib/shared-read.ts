/**
 * Lets concurrent callers share one read without ever getting an answer older than their call: a caller
 * that arrives while a read is running waits for the next read, which starts after the running one ends
 * (so after the caller arrived), and every caller arriving meanwhile shares that same next read. Under
 * load, N concurrent callers cost about two reads instead of N; alone, a caller costs one read as before.
 * For reads that must reflect every write committed before the call (the public cache's epoch).
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  const ignore = () => {};
  return () => {
    if (!running) return start();
    if (!queued) {
      queued = running.then(ignore, ignore).then(() => {
        queued = null;
        return start();
      });
    }
    return queued;
  };
}
