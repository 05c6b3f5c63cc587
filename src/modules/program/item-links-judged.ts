/**
 * Section II items and the appendix task that carries each out, judged by reading both texts side by
 * side (groups 1 and 2 of the bundled Program). Used to measure and guard the ranking; not data the
 * platform asserts.
 */
export const JUDGED_ITEM_TASK_PAIRS: readonly [itemCode: string, taskCode: string][] = [
  ['1.a', '1'],
  ['1.b', '4'],
  ['1.e', '5'],
  ['1.g', '7'],
  ['1.h', '8'],
  ['1.i', '9'],
  ['1.k', '10'],
  ['1.l', '11'],
  ['1.m', '12'],
  ['1.n', '3'],
  ['1.o', '13'],
  ['2.a', '37'],
  ['2.b', '24'],
  ['2.d', '30'],
  ['2.e', '27'],
  ['2.g', '21'],
  ['2.h', '25'],
  ['2.i', '20'],
  ['2.l', '34'],
  ['2.m', '35'],
];
