import { editDistance, foldKey } from '../../lib/text.ts';
import type { Collective } from '../tasks/tasks.schema.ts';

/**
 * Turns an agency cell as written in a source document ("Bộ Thông tin và Truyền thông, Bộ Quốc phòng")
 * into today's organisations. Names of ministries merged in 2025 resolve through their legacy alias;
 * collective names ("Các bộ, ngành, địa phương") become a collective; anything else is reported as
 * unmapped, with the closest known name as a suggestion, never a silent guess.
 */
export type AgencyRef =
  | { kind: 'org'; orgCode: string; asWritten: string; viaLegacyName: boolean }
  | { kind: 'collective'; collective: Collective; asWritten: string }
  | { kind: 'unmapped'; asWritten: string; suggestion: string | null };

export interface AgencyDirectory {
  /** folded name → org code, for current names, abbreviations and variants */
  names: Map<string, string>;
  /** folded legacy name → org code of the body it was merged into */
  legacy: Map<string, string>;
  /** folded name → display name, for suggestions */
  display: Map<string, string>;
}

/** Collective phrases, matched on the folded text of one name. */
const COLLECTIVES: [RegExp, Collective][] = [
  [/^(cac )?bo nganh (va )?dia phuong( lien quan| la chu quan .*)?$/, 'all_ministries_and_provinces'],
  [/^(cac )?bo nganh( co)?( lien quan)?$/, 'all_ministries'],
  [/^(cac )?dia phuong( lien quan)?$|^cac tinh thanh pho truc thuoc (tw|trung uong)$/, 'all_provinces'],
];

/** Phrases that contain commas or "và" themselves and must survive splitting, longest first. */
const PHRASES_WITH_SEPARATORS = [
  /(các )?bộ,\s*ngành,?\s*(và\s+)?địa phương( liên quan| là chủ quản [^;]*)?/giu,
  /(các )?bộ,\s*ngành( có)?( liên quan)?/giu,
  /các tỉnh,\s*thành phố trực thuộc (TW|Trung ương)/giu,
  /tập đoàn,\s*doanh nghiệp công nghệ số/giu,
];

/**
 * Splits a cell into names on commas, semicolons, "và" before a new name, and a "Bộ" that starts a
 * new name without a comma. Names and collectives that contain those separators are protected first.
 */
export function splitAgencyCell(cell: string, directory: AgencyDirectory): string[] {
  const protectedParts: string[] = [];
  const protect = (match: string) => {
    protectedParts.push(match);
    return `\uE000${protectedParts.length - 1}\uE001`;
  };
  let text = cell.normalize('NFC').replace(/\s+/g, ' ').trim();
  const namesWithSeparators = [...directory.display.values()]
    .filter((n) => /,| và /u.test(n))
    .sort((a, b) => b.length - a.length);
  for (const name of namesWithSeparators) {
    text = text.replace(new RegExp(escapeRegExp(name), 'giu'), protect);
  }
  for (const phrase of PHRASES_WITH_SEPARATORS) text = text.replace(phrase, protect);
  return text
    .split(/[;,]|\s+và\s+(?=\uE000|(?:các|Bộ|bộ)\s)|\s+(?=Bộ\s)|(?<=\uE001)\s+(?=\uE000)/u)
    .map((piece) =>
      piece
        .replace(/\uE000(\d+)\uE001/g, (_, i: string) => protectedParts[Number(i)]!)
        .replace(/^(và|và các)\s+/u, '')
        .replace(/[.;:]+$/u, '')
        .trim(),
    )
    .filter((piece) => piece.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function resolveAgency(name: string, directory: AgencyDirectory): AgencyRef {
  const key = foldKey(name);
  for (const [pattern, collective] of COLLECTIVES) {
    if (pattern.test(key)) return { kind: 'collective', collective, asWritten: name };
  }
  const current = directory.names.get(key);
  if (current) return { kind: 'org', orgCode: current, asWritten: name, viaLegacyName: false };
  const legacy = directory.legacy.get(key);
  if (legacy) return { kind: 'org', orgCode: legacy, asWritten: name, viaLegacyName: true };
  return { kind: 'unmapped', asWritten: name, suggestion: suggest(key, directory) };
}

function suggest(key: string, directory: AgencyDirectory): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const [folded, display] of directory.display) {
    const distance = editDistance(key, folded);
    if (best === null || distance < best.distance) best = { name: display, distance };
  }
  // Suggest only what is plausibly a typo or a variant: a few edits on a name of some length.
  return best && key.length >= 8 && best.distance <= Math.floor(key.length / 4) ? best.name : null;
}
