// Measures how well two similarity methods rank the judged item → task pairs (not a test):
//   npx tsx src/modules/program/item-links.measure.ts
// Prints, per method, how often the judged task ranks first among all 140 tasks and the mean
// reciprocal rank, then the score spread of the chosen method. Result: docs/decisions/.
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../../db/database.ts';
import { JUDGED_ITEM_TASK_PAIRS } from './item-links-judged.ts';
import { rankTasksForItems } from './item-links-similarity.ts';
import { loadProgram } from './program-loader.service.ts';

const database = await openDatabase({ engine: 'pglite' });
await database.migrate();
await loadProgram(database);
const db = database.db;
const items = await rows<{ id: number; code: string; text: string }>(
  db,
  sql`SELECT id, code, text_vi AS text FROM program_item`,
);
const tasks = await rows<{ id: number; code: string; text: string }>(
  db,
  sql`SELECT id, code, content_vi AS text FROM task`,
);
const taskCode = new Map(tasks.map((t) => [t.id, t.code]));

async function report(name: string, order: (itemCode: string) => Promise<string[]>) {
  let top1 = 0;
  let reciprocal = 0;
  const ranks: number[] = [];
  for (const [item, task] of JUDGED_ITEM_TASK_PAIRS) {
    const rank = (await order(item)).indexOf(task) + 1;
    ranks.push(rank);
    if (rank === 1) top1++;
    reciprocal += rank ? 1 / rank : 0;
  }
  const n = JUDGED_ITEM_TASK_PAIRS.length;
  console.log(
    `${name.padEnd(32)} top-1 ${top1}/${n}  MRR ${(reciprocal / n).toFixed(3)}  ranks ${ranks.join(' ')}`,
  );
}

const tfidf = rankTasksForItems(items, tasks, { limit: tasks.length, minScore: 0 });
const itemId = (code: string) => items.find((i) => i.code === code)!.id;
await report('tf-idf, syllables + pairs', async (c) =>
  tfidf.get(itemId(c))!.map((m) => taskCode.get(m.taskId)!),
);
for (const fn of ['similarity', 'word_similarity']) {
  await report(`pg_trgm ${fn}, unaccented`, async (c) =>
    (
      await rows<{ code: string }>(
        db,
        sql`SELECT t.code FROM task t, program_item i WHERE i.code = ${c}
             ORDER BY ${sql.raw(fn)}(lower(f_unaccent(i.text_vi)), lower(f_unaccent(t.content_vi))) DESC, t.id`,
      )
    ).map((r) => r.code),
  );
}

const judgedScores = JUDGED_ITEM_TASK_PAIRS.map(
  ([i, t]) => tfidf.get(itemId(i))!.find((m) => taskCode.get(m.taskId) === t)!.score,
);
const bestOther = JUDGED_ITEM_TASK_PAIRS.map(
  ([i, t]) => tfidf.get(itemId(i))!.find((m) => taskCode.get(m.taskId) !== t)!.score,
);
const allScores = [...tfidf.values()].flatMap((ms) => ms.map((m) => m.score)).sort((a, b) => a - b);
const q = (p: number) => allScores[Math.floor(p * (allScores.length - 1))];
console.log(
  `tf-idf scores: judged pairs min ${Math.min(...judgedScores)}, max ${Math.max(...judgedScores)}, median ${judgedScores.sort((a, b) => a - b)[10]}`,
);
console.log(
  `  best other task per judged item: max ${Math.max(...bestOther)}, median ${bestOther.sort((a, b) => a - b)[10]}`,
);
console.log(`  all item × task pairs: median ${q(0.5)}, 95th percentile ${q(0.95)}, 99th ${q(0.99)}`);
await database.close();
