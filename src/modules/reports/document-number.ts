import { cleanText } from '../../lib/text.ts';

// Số, ký hiệu under Decree 30/2020/NĐ-CP: number / [year /] type-issuer abbreviations, e.g. "71/NQ-CP",
// "179/2024/NĐ-CP", "1131/QĐ-TTg", "01/2025/TT-BKHCN"; Party documents put the type before the slash:
// "57-NQ/TW", "45-KL/TW".
const ABBREVIATION = '[A-ZĐ][A-Za-zĐđ0-9]*';
const STATE = new RegExp(`^\\d{1,5}(/(\\d{4}))?/${ABBREVIATION}(-${ABBREVIATION})*$`, 'u');
const PARTY = new RegExp(`^\\d{1,5}-${ABBREVIATION}/${ABBREVIATION}(-${ABBREVIATION})*$`, 'u');

/** The number and symbol in its stored form (NFC, no spaces), or null when it is not one. */
export function parseDocumentNumber(value: string): string | null {
  const compact = cleanText(value).replace(/\s*([/-])\s*/g, '$1');
  const state = STATE.exec(compact);
  if (state) {
    const year = state[2] ? Number(state[2]) : null;
    if (year !== null && (year < 1945 || year > 2100)) return null;
    return compact;
  }
  return PARTY.test(compact) ? compact : null;
}
