import { describe, expect, it } from 'vitest';
import { readProgramData } from '../program/program-data.ts';
import { agencyDirectory, planOrgs } from '../program/program-plan.ts';
import { resolveAgency, splitAgencyCell } from './agency-names.ts';

const { orgs, aliases } = planOrgs(readProgramData());
const directory = agencyDirectory(orgs, aliases);
const resolve = (cell: string) => splitAgencyCell(cell, directory).map((n) => resolveAgency(n, directory));

describe('agency names as written', () => {
  it('maps a ministry merged in 2025 to today’s body and remembers it came through its old name', () => {
    expect(resolve('Bộ Thông tin và Truyền thông')).toEqual([
      { kind: 'org', orgCode: 'BKHCN', asWritten: 'Bộ Thông tin và Truyền thông', viaLegacyName: true },
    ]);
    expect(resolve('Bộ Kế hoạch và Đầu tư')[0]).toMatchObject({ orgCode: 'BTC', viaLegacyName: true });
  });

  it('keeps names that contain commas or "và" whole', () => {
    expect(resolve('Bộ Văn hóa, Thể thao và Du lịch')).toEqual([
      { kind: 'org', orgCode: 'BVHTTDL', asWritten: 'Bộ Văn hóa, Thể thao và Du lịch', viaLegacyName: false },
    ]);
    expect(resolve('Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông').map((r) => r.kind)).toEqual([
      'org',
      'org',
    ]);
  });

  it('splits names run together without a comma', () => {
    expect(splitAgencyCell('Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ', directory)).toEqual([
      'Bộ Thông tin và Truyền thông',
      'Bộ Khoa học và Công nghệ',
    ]);
  });

  it('recognises collectives', () => {
    expect(resolve('Các bộ, ngành, địa phương')).toEqual([
      {
        kind: 'collective',
        collective: 'all_ministries_and_provinces',
        asWritten: 'Các bộ, ngành, địa phương',
      },
    ]);
    expect(
      resolve('Bộ Tư pháp, các bộ, ngành').map((r) => (r.kind === 'collective' ? r.collective : r.kind)),
    ).toEqual(['org', 'all_ministries']);
    expect(resolve('Các tỉnh, thành phố trực thuộc TW')[0]).toMatchObject({ collective: 'all_provinces' });
  });

  it('matches whatever the case and accents', () => {
    expect(resolve('bo cong an')[0]).toMatchObject({ kind: 'org', orgCode: 'BCA' });
    expect(resolve('Bộ Công An')[0]).toMatchObject({ kind: 'org', orgCode: 'BCA' });
    expect(resolve('VTV, VOV, TTXVN').map((r) => (r.kind === 'org' ? r.orgCode : r.kind))).toEqual([
      'DTHVN',
      'DTNVN',
      'TTXVN',
    ]);
  });

  it('reports what it cannot map, suggesting only a close name', () => {
    expect(resolve('Ban Tuyên giáo Trung ương')[0]).toMatchObject({ kind: 'unmapped', suggestion: null });
    expect(resolve('Bộ Giáo dục và Đào tạoo')[0]).toMatchObject({
      kind: 'unmapped',
      suggestion: 'Bộ Giáo dục và Đào tạo',
    });
  });
});
