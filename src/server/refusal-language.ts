import { z } from 'zod';
import { FRAMEWORK_MESSAGES_VI, MESSAGES_VI, TERMS_VI } from './messages-vi.ts';

/**
 * Refusals in the language the request prefers ([decision 105](../../docs/decisions/105-refusals-in-vietnamese.md)):
 * English unless Accept-Language puts Vietnamese first. Messages are written in English in the code
 * and looked up in `messages-vi.ts`; zod's own messages come from zod's Vietnamese locale.
 */

/** True when Accept-Language ranks Vietnamese above English (other languages are not offered, so they do not count). */
export function prefersVietnamese(header: string | string[] | undefined): boolean {
  let best = { language: 'en', q: 0 };
  for (const range of String(header ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (language !== 'vi' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) best = { language, q };
  }
  return best.language === 'vi';
}

const HOLE = /\{[A-Za-z0-9_]*\}/g;

/** A message template's shape, with every `{name}` as `{}`: how the scan and the catalogue are compared. */
export const templateShape = (template: string): string => template.replace(HOLE, '{}');

interface Pattern {
  names: string[];
  match: RegExp;
  vietnamese: string;
  /** Fixed characters: the more a template has, the more specific it is, so it is tried first. */
  weight: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(catalogue: Record<string, string>) {
  const literals = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const [english, vietnamese] of Object.entries(catalogue)) {
    const names = [...english.matchAll(HOLE)].map((m) => m[0].slice(1, -1));
    if (names.length === 0) {
      literals.set(english, vietnamese);
      continue;
    }
    const fixed = english.split(HOLE);
    patterns.push({
      names,
      match: new RegExp(`^${fixed.map(escapeRegExp).join('(.+?)')}$`, 's'),
      vietnamese,
      weight: fixed.join('').length,
    });
  }
  patterns.sort((a, b) => b.weight - a.weight);
  return { literals, patterns };
}

type Catalogue = ReturnType<typeof compile>;
const messages = compile({ ...MESSAGES_VI, ...FRAMEWORK_MESSAGES_VI });
const terms = compile(TERMS_VI);
const MAX_DEPTH = 4;

function lookUp(catalogue: Catalogue, text: string, depth: number): string | null {
  const literal = catalogue.literals.get(text);
  if (literal !== undefined) return literal;
  for (const pattern of catalogue.patterns) {
    const found = pattern.match.exec(text);
    if (!found) continue;
    return pattern.vietnamese.replace(HOLE, (hole) => {
      const at = pattern.names.indexOf(hole.slice(1, -1));
      return at < 0 ? hole : value(found[at + 1] ?? '', depth + 1);
    });
  }
  return null;
}

/** A value a message carries: a term ("Task 12", "draft"), else a message of its own, else as it is. */
function value(text: string, depth: number): string {
  if (depth > MAX_DEPTH) return text;
  return lookUp(terms, text, depth) ?? localise(text, depth);
}

/**
 * A refusal's text in Vietnamese: the whole text when the catalogue has it; else "field: problem" with
 * the problem translated; else each part of "a; b" translated. What matches nothing (a name, a code,
 * a date) is returned as it is.
 */
export function localise(text: string, depth = 0): string {
  if (depth > MAX_DEPTH || !text) return text;
  const whole = lookUp(messages, text, depth);
  if (whole !== null) return whole;
  const colon = text.indexOf(': ');
  if (colon > 0 && !text.slice(0, colon).includes('; ')) {
    return `${text.slice(0, colon + 2)}${localise(text.slice(colon + 2), depth + 1)}`;
  }
  const parts = text.split('; ');
  if (parts.length > 1) return parts.map((part) => localise(part, depth + 1)).join('; ');
  return text;
}

const ZOD_EN = z.locales.en().localeError;
const ZOD_VI = z.locales.vi().localeError;
/** The received types zod's English names in "received …", as its Vietnamese locale names them. */
const RECEIVED_VI: Record<string, string> = { number: 'số', array: 'mảng', nan: 'NaN' };

type ZodRawIssue = Parameters<typeof ZOD_EN>[0];
const messageOf = (answer: ReturnType<typeof ZOD_EN>): string | undefined =>
  typeof answer === 'string' ? answer : (answer?.message ?? undefined);

/**
 * One zod issue as fastify-type-provider-zod hands it over (the issue's code as `keyword`, the rest of
 * it in `params`), in Vietnamese. zod's own messages are formatted again by its Vietnamese locale; a
 * schema's custom message ("must be an agency code") is looked up like any other.
 */
export function zodProblemVi(validation: { keyword: string; message?: string; params?: unknown }): string {
  const english = validation.message ?? '';
  const issue = {
    ...(validation.params as object),
    code: validation.keyword,
    message: english,
  } as ZodRawIssue;
  // A finished issue no longer carries its input, so "received …" is read back from the English.
  const received = validation.keyword === 'invalid_type' ? /received (\S+)$/.exec(english)?.[1] : undefined;
  const ownMessage =
    received !== undefined
      ? english.startsWith('Invalid input: expected ')
      : messageOf(ZOD_EN(issue)) === english;
  if (!ownMessage) return localise(english);
  const vietnamese = messageOf(ZOD_VI(issue)) ?? english;
  return received === undefined
    ? vietnamese
    : vietnamese.replace(/nhận được \S+$/, `nhận được ${RECEIVED_VI[received] ?? received}`);
}
