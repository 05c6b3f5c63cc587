/** A node of a plan tree for roll-up: a task, or a gap placeholder for an agency with no plan item. */
export interface ProgressNode {
  key: string;
  taskId: number | null;
  children: ProgressNode[];
}

/** A task's own progress, 0–100, as accepted reports will give it. */
export interface ProgressInput {
  progress: number;
  completed: boolean;
}

export interface RolledUp {
  key: string;
  taskId: number | null;
  progress: number;
  completed: boolean;
  /** Where the figure comes from: the task's own report, its children, or nothing yet (0). */
  source: 'reported' | 'children' | 'none';
  children: RolledUp[];
}

/**
 * The roll-up rule (docs/plans.md): a task without children keeps its own progress (0 when nothing is
 * reported; a completed task counts 100). A task with children takes the equal-weight mean of its
 * children's rolled-up progress and is complete only when every child is; its own report is then
 * ignored, so a parent never looks further along than the work below it.
 */
export function rollUp(node: ProgressNode, input: ReadonlyMap<number, ProgressInput>): RolledUp {
  if (node.children.length === 0) {
    const own = node.taskId !== null ? input.get(node.taskId) : undefined;
    if (!own)
      return {
        key: node.key,
        taskId: node.taskId,
        progress: 0,
        completed: false,
        source: 'none',
        children: [],
      };
    const progress = own.completed ? 100 : Math.min(100, Math.max(0, own.progress));
    return {
      key: node.key,
      taskId: node.taskId,
      progress,
      completed: own.completed,
      source: 'reported',
      children: [],
    };
  }
  const children = node.children.map((c) => rollUp(c, input));
  const mean = children.reduce((sum, c) => sum + c.progress, 0) / children.length;
  return {
    key: node.key,
    taskId: node.taskId,
    progress: Math.round(mean * 10) / 10,
    completed: children.every((c) => c.completed),
    source: 'children',
    children,
  };
}
