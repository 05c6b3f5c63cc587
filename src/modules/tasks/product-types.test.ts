import { describe, expect, it } from 'vitest';
import { classifyProduct } from './product-types.ts';

describe('classifyProduct', () => {
  it.each([
    ['Luật của Quốc hội', 'law'],
    ['Hồ sơ đề nghị xây dựng Luật của Quốc hội', 'law'],
    ['Nghị định của Chính phủ', 'decree'],
    ['Nghị quyết của Chính phủ, Quyết định của Thủ tướng Chính phủ', 'resolution'],
    ['Quyết định của Thủ tướng Chính phủ', 'pm_decision'],
    ['Thông tư', 'circular'],
    ['Đề án được ban hành', 'scheme'],
    ['Chương trình được ban hành, triển khai', 'program'],
    ['Kế hoạch của các bộ, ngành, địa phương', 'plan'],
    ['Các Báo cáo thực hiện', 'report'],
    ['Nền tảng đào tạo trực tuyến mở đại trà', 'platform'],
    ['Cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành được xây dựng', 'platform'],
    ['Quyết định của Bộ trưởng', 'other'],
    ['Ít nhất 10 cơ sở được thành lập', 'other'],
  ])('"%s" is a %s', (written, type) => {
    expect(classifyProduct(written)).toBe(type);
  });

  it('has no type when nothing is written', () => {
    expect(classifyProduct(undefined)).toBeNull();
    expect(classifyProduct('  ')).toBeNull();
  });
});
