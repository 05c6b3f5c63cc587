import fc from 'fast-check';

/**
 * Inputs people and programs really send that a form never would: injection attempts, decomposed
 * Vietnamese, invisible and control characters, impossible dates, numbers at and past their limits.
 * Used by the property tests of every write endpoint and every importer.
 */
const VIETNAMESE = [
  'Bộ Khoa học và Công nghệ',
  'chuyển đổi số quốc gia',
  'Thành phố Đà Nẵng',
  'Nghị quyết 57-NQ/TW',
];

export const HOSTILE_TEXTS: readonly string[] = [
  // SQL and template injection
  "'; DROP TABLE task; --",
  "1' OR '1'='1",
  "' || (SELECT version()) || '",
  '%_%\\',
  '$1',
  '{{constructor.constructor("return process")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, as text on purpose.
  '${process.exit(1)}',
  // script
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // property names that pollute prototypes when used as keys
  '__proto__',
  'constructor',
  // decomposed Unicode (NFD), as macOS and some keyboards send it
  ...VIETNAMESE.map((v) => v.normalize('NFD')),
  // invisible, control and malformed characters
  '',
  ' ',
  '\t\r\n',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uFEFFBOM',
  '\u200B\u200D',
  '\u202Eevil',
  '🇻🇳 Việt Nam 👍🏽',
  'e\u0301\u0301\u0301',
  // paths
  '../../../etc/passwd',
  '%2e%2e%2f%00',
  // numbers as text
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '0x1F',
];

/** Dates that do not exist or sit at the edges, in every shape officials write them. */
export const IMPOSSIBLE_DATES: readonly string[] = [
  '2025-02-31',
  '2025-02-29',
  '1900-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '2025-1-1',
  '31/02/2025',
  '29/02/2025',
  '32/01/2025',
  '2025-02-31T00:00:00Z',
  'Quý V/2025',
  'Tháng 13/2025',
];

/** Values that name real things in a database holding the Program, so requests reach past "not found". */
export const KNOWN_VALUES: readonly string[] = [
  'NQ57',
  'BKHCN',
  'BTC',
  'CP',
  'HN',
  'T2030-01',
  '1.đ',
  '1',
  '2',
  '2025',
  '2025-H1',
  '2025-06-30',
  '2031-01-07',
  'weekly',
  'monthly',
  'communes',
  'departments',
];

export const HUGE_TEXT = 'Ư'.repeat(100_000);

/** Any text: hostile, impossible dates, Vietnamese, random Unicode (lone surrogates too), huge. */
export function hostileText(maxLength = 200): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
    { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
    { weight: 1, arbitrary: fc.constantFrom(...VIETNAMESE) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 40) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 40) }) },
    { weight: 1, arbitrary: fc.constant(HUGE_TEXT) },
  );
}

/** Whole numbers near and past every limit an id or a count has. */
export function hostileInteger(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(0, -1, 2147483647, 2147483648, -2147483648, 2 ** 53 + 2, 1e308, 0.5, -0),
    },
    { weight: 1, arbitrary: fc.integer() },
  );
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  const hostile = hostileText(s.maxLength ?? 200);
  let fitting: fc.Arbitrary<string> | null = null;
  if (s.format === 'date')
    fitting = fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (s.format === 'email') fitting = fc.emailAddress();
  else if (s.format === 'uri') fitting = fc.webUrl();
  else if (s.pattern) {
    try {
      fitting = fc.stringMatching(new RegExp(s.pattern), { maxLength: s.maxLength ?? 60 });
    } catch {
      fitting = null;
    }
  }
  const plain = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 60) });
  return fc.oneof(
    { weight: 3, arbitrary: hostile },
    { weight: 2, arbitrary: fc.constantFrom(...KNOWN_VALUES) },
    { weight: 2, arbitrary: fitting ?? plain },
    { weight: 1, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
  );
}

/**
 * Values shaped like a request schema (OpenAPI / JSON Schema, as the routes' zod schemas publish it)
 * whose leaves are hostile: such a request passes the shape check often enough to reach the service
 * and the database, where the 500s hide.
 */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1)));
  if (schema.allOf?.length) return fromSchema(Object.assign({}, ...schema.allOf), depth + 1);
  const base = baseFromSchema(schema, depth);
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function baseFromSchema(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length)
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: hostileText() },
    );
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.oneof(
        {
          weight: 2,
          arbitrary: fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 10, 2 ** 31) }),
        },
        { weight: 2, arbitrary: hostileInteger() },
      );
    case 'number':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum }),
        hostileInteger(),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.max(Math.min(schema.maxItems ?? 3, 3), Math.min(schema.minItems ?? 0, 3)),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const required = (schema.required ?? []).filter((k) => k in props);
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)])),
        { requiredKeys: required },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A schema-shaped value broken in one place: a required key gone, a wrong type, polluting keys. */
export function broken(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('drop', 'retype', 'pollute', 'wrap', 'stringify'),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .map(([value, n, how, other]) => {
      if (how === 'wrap') return [value];
      if (how === 'stringify') return JSON.stringify(value);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return other;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[n % keys.length]! : 'x';
      if (how === 'drop') delete copy[key];
      else if (how === 'retype') copy[key] = typeof copy[key] === 'string' ? n : String(other);
      else {
        const rest = JSON.stringify(copy).slice(1);
        return JSON.parse(
          `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}${rest === '}' ? '' : ','}${rest}`,
        );
      }
      return copy;
    });
}

/** Bytes that are not the JSON a client promised: cut short, other encodings, binary. */
export function brokenPayloads(): fc.Arbitrary<{ payload: Buffer; contentType: string }> {
  const json = (text: string) => ({ contentType: 'application/json', text });
  return fc.oneof(
    fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat()).map(([v, n]) => {
      const text = JSON.stringify({ value: v, note: 'Báo cáo tiến độ' });
      return { contentType: 'application/json', payload: Buffer.from(text.slice(0, n % text.length)) };
    }),
    fc
      .constantFrom(
        json('{"summary": "Báo cáo"'),
        json('{"a":1}{"b":2}'),
        json('[1,2,'),
        json('nul'),
        json('"\\ud800"'),
        json('{"x": "\\u0000"}'),
        json(`{${'"k":1,'.repeat(20000)}"k":2}`),
        json(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      )
      .map((j) => ({ contentType: j.contentType, payload: Buffer.from(j.text) })),
    fc.constant({
      contentType: 'application/json',
      payload: Buffer.from(`\uFEFF{"summary":"Báo cáo"}`, 'utf16le'),
    }),
    fc
      .uint8Array({ maxLength: 64 })
      .map((b) => ({ contentType: 'application/json', payload: Buffer.from(b) })),
    fc
      .uint8Array({ maxLength: 64 })
      .map((b) => ({ contentType: 'application/octet-stream', payload: Buffer.from(b) })),
    fc.constant({ contentType: 'text/csv', payload: Buffer.from('STT,Nhiệm vụ\r\n1,"không đóng ngoặc\r\n') }),
    fc.constant({ contentType: 'text/plain; charset=utf-8', payload: Buffer.from('chuyển đổi số') }),
    fc.constant({ contentType: 'application/x-www-form-urlencoded', payload: Buffer.from('a=1&b=%ZZ') }),
    fc.constant({
      contentType: 'multipart/form-data; boundary=X',
      payload: Buffer.from(
        '--X\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nSTT\r\n',
      ),
    }),
  );
}

/** One hostile value for every leaf of a request, so each class of bad input reaches every field at once. */
export interface Leaves {
  text: string;
  integer: number;
}

export const LEAVES: readonly Leaves[] = [
  { text: 'a\u0000b', integer: 1 },
  { text: 'x\uD800y', integer: 2 },
  { text: 'Bộ Khoa học và Công nghệ', integer: 2147483648 },
  { text: HUGE_TEXT, integer: 1 },
  { text: '2025-02-31', integer: -1 },
  { text: 'Thành phố Đà Nẵng'.normalize('NFD'), integer: 1 },
  { text: "'; DROP TABLE task; --", integer: 0 },
  { text: '<script>alert(1)</script>', integer: 2 ** 53 + 2 },
];

/** A value of the schema's shape whose every text is `leaves.text` and every number `leaves.integer`. */
export function fill(schema: JsonSchema | undefined, leaves: Leaves, depth = 0): unknown {
  if (!schema || depth > 6) return leaves.text;
  const alternatives = (schema.anyOf ?? schema.oneOf)?.filter((a) => a.type !== 'null');
  if (alternatives?.length) return fill(alternatives[0], leaves, depth + 1);
  if (schema.allOf?.length) return fill(Object.assign({}, ...schema.allOf), leaves, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return leaves.text;
    case 'integer':
    case 'number':
      return leaves.integer;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [fill(schema.items, leaves, depth + 1)];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fill(v, leaves, depth + 1)]),
      );
    default:
      return leaves.text;
  }
}
