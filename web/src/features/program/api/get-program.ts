import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client.ts';

export interface Program {
  code: string;
  nameVi: string;
  nameEn: string | null;
  documentNo: string;
  documentDate: string | null;
  replacesDocumentNo: string | null;
  parentDocumentNo: string | null;
  sources: string[];
}

export interface ProgramItem {
  code: string;
  textVi: string;
  textSource: string | null;
}

export interface ProgramGroup {
  no: number;
  titleVi: string;
  titleEn: string | null;
  titleSource: string | null;
  items: ProgramItem[];
}

export interface ProgramText {
  program: Program;
  groups: ProgramGroup[];
}

export const getProgram = (signal?: AbortSignal) => getJson<ProgramText>('/public/program', {}, signal);

export const programQuery = () =>
  queryOptions({ queryKey: ['program'], queryFn: ({ signal }) => getProgram(signal) });

export const useProgram = () => useQuery(programQuery());
