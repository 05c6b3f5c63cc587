import { foldKey } from '../../lib/text.ts';

/**
 * TF-IDF cosine similarity between the Program's section II items and the appendix tasks, on
 * accent-free syllables and syllable pairs (Vietnamese words are mostly two syllables: "chuyển đổi",
 * "đổi mới"). Chosen over pg_trgm by measurement: docs/decisions/0NN-register-io-item-links.md.
 */
export interface Doc {
  id: number;
  text: string;
}

export interface Match {
  taskId: number;
  score: number;
}

function terms(text: string): string[] {
  const words = foldKey(text).split(' ').filter(Boolean);
  const pairs = words.slice(1).map((w, i) => `${words[i]}_${w}`);
  return [...words, ...pairs];
}

type Vector = Map<string, number>;

function vectorize(docs: Doc[], idf: Map<string, number>): Map<number, Vector> {
  const vectors = new Map<number, Vector>();
  for (const doc of docs) {
    const tf = new Map<string, number>();
    for (const t of terms(doc.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * (idf.get(t) ?? 0);
      if (w > 0) {
        v.set(t, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    vectors.set(doc.id, v);
  }
  return vectors;
}

/** For each item, the tasks by descending similarity (0–1), best `limit` above `minScore`. */
export function rankTasksForItems(
  items: Doc[],
  tasks: Doc[],
  options: { limit: number; minScore: number },
): Map<number, Match[]> {
  // Document frequency over both collections: a term common to everything says little.
  const all = [...items, ...tasks];
  const df = new Map<string, number>();
  for (const doc of all) for (const t of new Set(terms(doc.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map([...df].map(([t, n]) => [t, Math.log((1 + all.length) / (1 + n)) + 1]));
  const itemVectors = vectorize(items, idf);
  const taskVectors = vectorize(tasks, idf);
  const result = new Map<number, Match[]>();
  for (const item of items) {
    const iv = itemVectors.get(item.id)!;
    const matches: Match[] = [];
    for (const task of tasks) {
      const tv = taskVectors.get(task.id)!;
      let dot = 0;
      const [small, large] = iv.size < tv.size ? [iv, tv] : [tv, iv];
      for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
      if (dot >= options.minScore) matches.push({ taskId: task.id, score: Math.round(dot * 1000) / 1000 });
    }
    matches.sort((a, b) => b.score - a.score || a.taskId - b.taskId);
    result.set(item.id, matches.slice(0, options.limit));
  }
  return result;
}
