import { z } from 'zod';
import type { ProgramRow } from './program.repository.ts';

export const programSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  documentNo: z.string(),
  documentDate: z.string().nullable(),
  replacesDocumentNo: z.string().nullable(),
  parentDocumentNo: z.string().nullable(),
  sources: z.array(z.string()),
});

export function presentProgram(p: ProgramRow): z.infer<typeof programSchema> {
  return {
    code: p.code,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    documentNo: p.documentNo,
    documentDate: p.documentDate,
    replacesDocumentNo: p.replacesDocumentNo,
    parentDocumentNo: p.parentDocumentNo,
    sources: p.sources,
  };
}
