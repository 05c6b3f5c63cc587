import { describe, expect, it } from 'vitest';
import { sharedRead } from './shared-read.ts';

/** A read whose answer is the number of reads started so far, finished by hand. */
function controlledRead() {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      const n = ++started;
      pending.push(() => resolve(n));
    });
  return {
    read,
    started: () => started,
    finishOne: async () => {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('sharedRead', () => {
  it('gives a caller that arrives during a read the next read, never the running one', async () => {
    const c = controlledRead();
    const shared = sharedRead(c.read);
    const first = shared();
    const second = shared(); // arrived while read 1 runs: must not get read 1's answer
    const third = shared(); // shares the queued read with the second
    expect(c.started()).toBe(1);
    await c.finishOne();
    expect(await first).toBe(1);
    expect(c.started()).toBe(2);
    await c.finishOne();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it('reads again for a caller that comes after the reads ended', async () => {
    const c = controlledRead();
    const shared = sharedRead(c.read);
    const a = shared();
    await c.finishOne();
    expect(await a).toBe(1);
    const b = shared();
    await c.finishOne();
    expect(await b).toBe(2);
  });

  it('passes a failed read to its callers and recovers', async () => {
    let fail = true;
    const shared = sharedRead(async () => {
      if (fail) throw new Error('down');
      return 'ok';
    });
    await expect(shared()).rejects.toThrow('down');
    fail = false;
    expect(await shared()).toBe('ok');
  });
});
