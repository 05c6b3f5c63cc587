-- Data: the official days off and make-up working days for civil servants in 2025 and 2026, beyond what
-- date-holidays gives (1/1, Giao thừa and mùng 1 Tết, Hùng Kings day, 30/4, 1/5, 2/9).
-- Sources (checked 2026-11-22):
--  2025: Thông báo 6150/TB-BLĐTBXH (2024), following Công văn 8726/VPCP-KGVX (2024): Tết Saturday 25/1 to
--        Sunday 2/2/2025; 30/4–4/5/2025 with Friday 2/5 swapped to Saturday 26/4; 2/9 with Monday 1/9
--        (30/8–2/9/2025). Reported by VietnamPlus/TTXVN
--        https://www.vietnamplus.vn/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-304-152025-post1033115.vnp
--        and https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm
--  2026: Tết Dương lịch: Công văn 12729/VPCP-KGVX of 25/12/2025 (off Thursday 1/1 to Sunday 4/1/2026,
--        Friday 2/1 swapped to Saturday 10/1/2026).
--        Tết: off Saturday 14/2 to Sunday 22/2/2026 (weekdays Monday 16/2 to Friday 20/2)
--        (http://www.congan.com.vn/?catid=702&id=388656&mod=detnews).
--        Hùng Kings day falls on Sunday 26/4/2026: compensatory Monday 27/4 (Labour Code 2019 art. 112(3)).
--        30/4 and 1/5/2026 fall on Thursday and Friday: no swap.
--        2/9/2026 (Wednesday) with Tuesday 1/9; Monday 31/8 swapped to Saturday 22/8/2026 (Bộ Nội vụ's plan
--        submitted with the Tết plan, https://vnbiznews.com/bo-noi-vu-de-xuat-nghi-5-ngay-dip-le-quoc-khanh-2026-pid1989349677).
--  Not included: 24/11 "Ngày Văn hóa Việt Nam" (Politburo Resolution 80, January 2026) is announced as a
--  paid day off but needs the Labour Code amended; an administrator adds it once it is law
--  (`nq57 calendar add-day --date 2026-11-24 --kind day_off --reason ...`).
INSERT INTO calendar_day (day, kind, reason, source) VALUES
  ('2025-01-27', 'day_off', 'Tết Ất Tỵ (28 tháng Chạp)', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2025-01-30', 'day_off', 'Tết Ất Tỵ (mùng 2)', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2025-01-31', 'day_off', 'Tết Ất Tỵ (mùng 3)', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2025-04-26', 'working_day', 'Làm bù cho thứ Sáu 2/5/2025', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2025-05-02', 'day_off', 'Hoán đổi sang thứ Bảy 26/4/2025 (dịp 30/4–1/5)', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2025-09-01', 'day_off', 'Quốc khánh (ngày liền kề 2/9)', 'Thông báo 6150/TB-BLĐTBXH'),
  ('2026-01-02', 'day_off', 'Hoán đổi sang thứ Bảy 10/1/2026 (Tết Dương lịch)', 'Công văn 12729/VPCP-KGVX'),
  ('2026-01-10', 'working_day', 'Làm bù cho thứ Sáu 2/1/2026', 'Công văn 12729/VPCP-KGVX'),
  ('2026-02-18', 'day_off', 'Tết Bính Ngọ (mùng 2)', 'Phương án nghỉ Tết 2026 của Bộ Nội vụ, Thủ tướng đồng ý'),
  ('2026-02-19', 'day_off', 'Tết Bính Ngọ (mùng 3)', 'Phương án nghỉ Tết 2026 của Bộ Nội vụ, Thủ tướng đồng ý'),
  ('2026-02-20', 'day_off', 'Tết Bính Ngọ (mùng 4)', 'Phương án nghỉ Tết 2026 của Bộ Nội vụ, Thủ tướng đồng ý'),
  ('2026-04-27', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/4/2026)', 'Bộ luật Lao động 2019, Điều 112 khoản 3'),
  ('2026-08-22', 'working_day', 'Làm bù cho thứ Hai 31/8/2026', 'Phương án nghỉ Quốc khánh 2026 của Bộ Nội vụ'),
  ('2026-08-31', 'day_off', 'Hoán đổi sang thứ Bảy 22/8/2026 (dịp Quốc khánh)', 'Phương án nghỉ Quốc khánh 2026 của Bộ Nội vụ'),
  ('2026-09-01', 'day_off', 'Quốc khánh (ngày liền kề 2/9)', 'Phương án nghỉ Quốc khánh 2026 của Bộ Nội vụ');
