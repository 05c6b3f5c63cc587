import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The bundled data of the Action Program (program-data/nq57, copied from public sources with their
 * provenance in SOURCES.md). Parsed with zod so a bad edit of the files fails loudly at load time.
 */
export const PROGRAM_DATA_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'program-data',
  'nq57',
);

const appendixRow = z.object({
  no: z.number().int(),
  text_vi: z.string(),
  lead: z.string().optional(),
  partners: z.string().optional(),
  product: z.string().optional(),
  deadline: z.string().optional(),
});

const programFile = z.object({
  document: z.object({
    current: z.object({
      no: z.string(),
      date: z.string(),
      title_vi: z.string(),
      sources: z.array(z.string()),
    }),
    replaced: z.object({ no: z.string(), date: z.string() }),
    parent: z.object({ no: z.string(), date: z.string(), issuer: z.string() }),
  }),
  groups: z.array(
    z.object({
      no: z.number().int(),
      title_vi: z.string(),
      title_en: z.string().optional(),
      title_source: z.string().optional(),
      tasks: z.array(z.object({ code: z.string(), text_vi: z.string(), text_source: z.string().optional() })),
      appendix_03_tasks: z.array(appendixRow),
    }),
  ),
});

const agenciesFile = z.object({
  central: z.array(
    z.object({ code: z.string(), name_vi: z.string(), name_en: z.string(), kind: z.string() }),
  ),
  legacy_map: z.record(z.string(), z.string()),
  provinces: z.array(
    z.object({
      code: z.string(),
      slug: z.string(),
      name_vi: z.string(),
      kind: z.enum(['province', 'city']),
      merged_from: z.array(z.string()).optional(),
    }),
  ),
});

const aliasesFile = z.object({
  aliases: z.array(
    z.object({
      name: z.string(),
      code: z.string(),
      kind: z.enum(['legacy', 'variant', 'abbreviation']),
      note: z.string().optional(),
    }),
  ),
});

const targetsFile = z.array(
  z
    .object({
      code: z.string(),
      target_year: z.number().int().optional(),
      in_nq57: z.boolean(),
      text_vi: z.string(),
      gloss_en: z.string(),
      target_value: z.union([z.string(), z.number(), z.object({ min: z.number(), max: z.number() })]),
      unit: z.string(),
      comparison: z.string(),
      comparison_inferred: z.boolean().optional(),
      ap_indicator_no: z.string().optional(),
      ap_indicator_vi: z.string().optional(),
      parent: z.string().optional(),
      monitoring_agency_after_2025_merger: z.string().optional(),
      sources: z.array(z.string()),
    })
    .passthrough(),
);

export type ProgramFile = z.infer<typeof programFile>;
export type AgenciesFile = z.infer<typeof agenciesFile>;
export type AliasesFile = z.infer<typeof aliasesFile>;
export type TargetsFile = z.infer<typeof targetsFile>;

export interface ProgramData {
  program: ProgramFile;
  agencies: AgenciesFile;
  aliases: AliasesFile;
  targets: TargetsFile;
  /** Raw bytes of every file, for the load run's source hash. */
  rawFiles: Record<string, string>;
}

export function readProgramData(dir = PROGRAM_DATA_DIR): ProgramData {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const rawFiles = {
    'program.json': read('program.json'),
    'agencies.json': read('agencies.json'),
    'agency-aliases.json': read('agency-aliases.json'),
    'targets.json': read('targets.json'),
  };
  return {
    program: programFile.parse(JSON.parse(rawFiles['program.json'])),
    agencies: agenciesFile.parse(JSON.parse(rawFiles['agencies.json'])),
    aliases: aliasesFile.parse(JSON.parse(rawFiles['agency-aliases.json'])),
    targets: targetsFile.parse(JSON.parse(rawFiles['targets.json'])),
    rawFiles,
  };
}
