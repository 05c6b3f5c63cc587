import { describe, expect, it } from 'vitest';
import { type ProgressNode, rollUp } from './rollup.ts';

const node = (taskId: number, children: ProgressNode[] = []): ProgressNode => ({
  key: `task:${taskId}`,
  taskId,
  children,
});

describe('progress roll-up', () => {
  it('takes the equal-weight mean of the children, level by level', () => {
    // 1 ← 2 (← 4: 100 done, 5: 50) and 3 (30).
    const tree = node(1, [node(2, [node(4), node(5)]), node(3)]);
    const result = rollUp(
      tree,
      new Map([
        [4, { progress: 100, completed: true }],
        [5, { progress: 50, completed: false }],
        [3, { progress: 30, completed: false }],
      ]),
    );
    expect(result.children[0]!.progress).toBe(75);
    expect(result.progress).toBe(52.5);
    expect(result.completed).toBe(false);
  });

  it('completes a parent only when every child is complete, whatever the parent itself reports', () => {
    const tree = node(1, [node(2), node(3)]);
    const done = { progress: 100, completed: true };
    expect(
      rollUp(
        tree,
        new Map([
          [1, done],
          [2, done],
        ]),
      ).completed,
    ).toBe(false);
    expect(
      rollUp(
        tree,
        new Map([
          [2, done],
          [3, done],
        ]),
      ),
    ).toMatchObject({ progress: 100, completed: true });
  });

  it('counts a child with nothing reported, or a gap placeholder, as 0', () => {
    const gap: ProgressNode = { key: 'gap:48', taskId: null, children: [] };
    const result = rollUp(node(1, [node(2), gap]), new Map([[2, { progress: 80, completed: false }]]));
    expect(result.progress).toBe(40);
    expect(result.children[1]).toMatchObject({ source: 'none', progress: 0 });
  });

  it('keeps a leaf within 0–100', () => {
    expect(rollUp(node(1), new Map([[1, { progress: 140, completed: false }]])).progress).toBe(100);
  });
});
