import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

// Decision 105: the same refusal in English by default and in Vietnamese when Accept-Language asks,
// with `code` and `field` unchanged. One engine: the wording does not depend on the database.
describe('refusals in the language the request prefers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());
  const get = (url: string, language?: string) =>
    t.app.inject({ method: 'GET', url, headers: language ? { 'accept-language': language } : {} });

  it('answers a domain issue in English, or in Vietnamese with Accept-Language: vi', async () => {
    const url = '/api/public/tasks?dueFrom=2026-01-01&dueTo=2025-01-01';
    const english = await get(url);
    expect(english.statusCode).toBe(400);
    expect(english.json().error).toEqual({
      code: 'validation_failed',
      message: 'dueTo: must not be before dueFrom',
      issues: [{ field: 'dueTo', problem: 'must not be before dueFrom' }],
    });
    expect(english.headers.vary).toMatch(/Accept-Language/);
    const vietnamese = await get(url, 'vi-VN,vi;q=0.9,en;q=0.8');
    expect(vietnamese.statusCode).toBe(400);
    expect(vietnamese.json().error).toEqual({
      code: 'validation_failed',
      message: 'dueTo: không được trước dueFrom',
      issues: [{ field: 'dueTo', problem: 'không được trước dueFrom' }],
    });
    expect((await get(url, 'en-US,en;q=0.9,vi;q=0.5')).json().error.message).toBe(
      'dueTo: must not be before dueFrom',
    );
  });

  it("answers a zod issue with zod's Vietnamese, a custom schema message from the catalogue", async () => {
    const english = (await get('/api/public/tasks?pageSize=abc')).json().error;
    const vietnamese = (await get('/api/public/tasks?pageSize=abc', 'vi')).json().error;
    expect(english.code).toBe('validation_failed');
    expect(english.issues[0].problem).toMatch(/^Invalid input: expected number/);
    expect(vietnamese.code).toBe(english.code);
    expect(vietnamese.issues.map((i: { field: string }) => i.field)).toEqual(
      english.issues.map((i: { field: string }) => i.field),
    );
    expect(vietnamese.issues[0].problem).toMatch(/^Đầu vào không hợp lệ: mong đợi số, nhận được/);
    expect(vietnamese.message).toBe(`pageSize: ${vietnamese.issues[0].problem}`);

    const custom = (await get('/api/public/agencies/b%40d', 'vi')).json().error;
    expect(custom).toEqual({
      code: 'validation_failed',
      message: 'code: phải là mã cơ quan',
      issues: [{ field: 'code', problem: 'phải là mã cơ quan' }],
    });
  });

  it('names what was not found in Vietnamese, the code as it is', async () => {
    expect((await get('/api/public/tasks/999999')).json().error).toEqual({
      code: 'not_found',
      message: 'Task 999999 not found',
    });
    expect((await get('/api/public/tasks/999999', 'vi')).json().error).toEqual({
      code: 'not_found',
      message: 'Không tìm thấy nhiệm vụ 999999',
    });
    expect((await get('/api/public/agencies/NOPE', 'vi')).json().error.message).toBe(
      'Không tìm thấy cơ quan NOPE',
    );
    expect((await get('/api/nope', 'vi')).json().error).toEqual({
      code: 'not_found',
      message: 'Không có địa chỉ GET /api/nope',
    });
  });
});
