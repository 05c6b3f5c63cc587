import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, programCode } from '../../lib/http.ts';
import { AppError } from '../../server/errors.ts';
import { actorOf } from '../audit/request-actor.ts';
import { REGISTER_FIELDS, type RegisterField } from './register-columns.ts';
import { exportRegister } from './register-export.service.ts';
import { MAX_IMPORT_BYTES } from './register-file.ts';
import { commitImport, type ImportInput, previewImport, readFileColumns } from './register-import.service.ts';

const tags = ['register: Excel and CSV'];
const UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
];

/** "task=B,lead=C" → { task: 'B', lead: 'C' } */
const mappingParam = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const mapping: Partial<Record<RegisterField, string>> = {};
    for (const pair of value.split(',').filter(Boolean)) {
      const [field, column] = pair.split('=').map((p) => p.trim());
      if (!field || !column || !REGISTER_FIELDS.includes(field as RegisterField)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${pair}" must be field=column, field one of ${REGISTER_FIELDS.join(', ')}`,
        });
        return z.NEVER;
      }
      mapping[field as RegisterField] = column;
    }
    return mapping;
  });

const importQuery = z.object({
  program: programCode,
  format: z.enum(['xlsx', 'csv']).optional(),
  fileName: z.string().max(200).optional(),
  sheet: z.string().max(100).optional(),
  assignedOn: isoDate.optional(),
  defaultGroup: z.coerce.number().int().min(1).max(999).optional(),
  mapping: mappingParam.optional(),
  headerRow: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe('The row of the header (1-based) when the names are not recognised; rows up to it are skipped'),
});

const issue = z.object({
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const previewSchema = z.object({
  programCode: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheet: z.string().nullable(),
  headerRow: z.number(),
  assignedOn: z.string().nullable(),
  mapping: z.array(z.object({ field: z.string(), column: z.string(), header: z.string() })),
  summary: z.object({
    rows: z.number(),
    ready: z.number(),
    withErrors: z.number(),
    withWarnings: z.number(),
    groupsToCreate: z.array(z.number()),
  }),
  rows: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      groupNo: z.number(),
      contentVi: z.string(),
      leadAsWritten: z.string().nullable(),
      partnersAsWritten: z.string().nullable(),
      productAsWritten: z.string().nullable(),
      productType: z.string().nullable(),
      deadlineAsWritten: z.string().nullable(),
      dueDate: z.string().nullable(),
      recurrence: z.string().nullable(),
      errors: z.array(issue),
      warnings: z.array(issue),
    }),
  ),
});

function importInput(query: z.infer<typeof importQuery>, body: unknown): ImportInput {
  if (!Buffer.isBuffer(body)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `file: send the file itself as the body, with content-type ${UPLOAD_TYPES.join(', ')}`,
    );
  }
  return {
    programCode: query.program,
    bytes: body,
    fileName: query.fileName,
    format: query.format,
    sheet: query.sheet,
    assignedOn: query.assignedOn,
    defaultGroupNo: query.defaultGroup,
    mapping: query.mapping,
    headerRow: query.headerRow,
  };
}

export const registerIoRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload is the request body itself (no multipart): its bytes, up to the import limit.
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/register/export',
    {
      config: { policy: 'register.read' },
      schema: {
        tags,
        summary:
          'The register or the tracking ledger (sổ theo dõi) as .xlsx or .csv, in the appendix’s columns',
        querystring: z.object({
          program: programCode,
          kind: z.enum(['register', 'ledger']).default('register'),
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      const file = await exportRegister(app.database.db, {
        programCode: request.query.program,
        kind: request.query.kind,
        format: request.query.format,
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.post(
    '/register/import/columns',
    {
      config: { policy: 'register.manage' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: "The file's columns with their headers and first values, for mapping them; writes nothing",
        description: `Send the file as the request body (content-type ${UPLOAD_TYPES.join(', ')}), at most 50 MB. File problems (format, merged cells, formulas, encoding) are refused as in the preview.`,
        querystring: importQuery.pick({ format: true, sheet: true, headerRow: true }),
        response: {
          200: z.object({
            format: z.enum(['xlsx', 'csv']),
            sheet: z.string().nullable(),
            headerRow: z.number(),
            detected: z.boolean(),
            columns: z.array(
              z.object({ column: z.string(), header: z.string(), samples: z.array(z.string()) }),
            ),
            mapping: z.array(z.object({ field: z.enum(REGISTER_FIELDS), column: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { bytes, format, sheet, headerRow } = importInput(
        { program: 'NQ57', ...request.query },
        request.body,
      );
      return readFileColumns({ bytes, format, sheet, headerRow });
    },
  );

  app.post(
    '/register/import/preview',
    {
      config: { policy: 'register.manage' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Reads an .xlsx or .csv register and checks every row; writes nothing',
        description: `Send the file as the request body (content-type ${UPLOAD_TYPES.join(', ')}), at most 50 MB.`,
        querystring: importQuery,
        response: { 200: previewSchema },
      },
    },
    async (request) => previewImport(app.database.db, importInput(request.query, request.body)),
  );

  app.post(
    '/register/import',
    {
      config: { policy: 'register.manage' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Imports every row of the register file or none (row-level errors answer 400)',
        querystring: importQuery,
        response: {
          200: z.object({
            programCode: z.string(),
            imported: z.number(),
            groupsCreated: z.array(z.number()),
            warnings: z.number(),
          }),
        },
      },
    },
    async (request) =>
      commitImport(app.database.db, actorOf(request), importInput(request.query, request.body)),
  );
};
