/**
 * The Vietnamese of every refusal the API writes in English ([decision 105](../../docs/decisions/105-refusals-in-vietnamese.md)).
 * Keys are the English text as the code writes it, with `{name}` where the code puts a value; the
 * Vietnamese places the same names. A captured value is itself looked up (so "Task 12" inside
 * "{what} not found" becomes "nhiệm vụ 12"); a value with no entry (an agency's name, a code, a date)
 * stays as it is. `messages-vi.test.ts` fails on any message in src without an entry here.
 */
export const MESSAGES_VI: Record<string, string> = {
  // src/server: the closed set and the framework's answers
  '{what} not found': 'Không tìm thấy {what}',
  'You may not do this': 'Bạn không có quyền thực hiện thao tác này',
  'You may not do this ({policy})': 'Bạn không có quyền thực hiện thao tác này ({policy})',
  'Sign in first': 'Vui lòng đăng nhập trước',
  'Email or password is incorrect, or the link is no longer valid':
    'Email hoặc mật khẩu không đúng, hoặc đường dẫn không còn hiệu lực',
  'Cross-site request refused: send it from the application itself':
    'Từ chối yêu cầu từ trang khác: hãy gửi từ chính ứng dụng',
  'No route {method} {url}': 'Không có địa chỉ {method} {url}',
  'Too many requests; try again shortly': 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút',
  'Something went wrong on our side; it has been logged': 'Hệ thống gặp lỗi; lỗi đã được ghi lại để xử lý',
  'request: {problem} ({detail})': 'yêu cầu: {problem} ({detail})',
  'a text is longer than its field allows': 'một đoạn văn bản dài hơn mức trường cho phép',
  'a number is out of range': 'một số nằm ngoài phạm vi cho phép',
  'a date or time is not valid': 'một ngày hoặc giờ không hợp lệ',
  'a date or time is out of range': 'một ngày hoặc giờ nằm ngoài phạm vi cho phép',
  'a text contains a character that cannot be stored': 'một đoạn văn bản chứa ký tự không lưu được',
  'a value is not of the expected type': 'một giá trị không đúng kiểu',
  'a value is too large to store': 'một giá trị quá lớn, không lưu được',
  'contains a character that is not text (NUL or a broken surrogate)':
    'chứa ký tự không phải văn bản (NUL hoặc ký tự mã hóa hỏng)',
  'url: a part of the address is too long': 'url: một phần của địa chỉ quá dài',
  'url: the address is malformed (bad percent-encoding)':
    'url: địa chỉ sai định dạng (mã hóa phần trăm không hợp lệ)',
  'url: {problem}': 'url: {problem}',
  'file: larger than {size}': 'file: lớn hơn {size}',
  'larger than {size}': 'lớn hơn {size}',
  'and {count} more': 'và {count} lỗi khác',
  'file: {problem}': 'file: {problem}',
  'is not a real date': 'không phải là ngày có thật',
  'must be a date as YYYY-MM-DD': 'phải là ngày theo dạng YYYY-MM-DD',
  'must be a program code': 'phải là mã chương trình',

  // access, identity
  '{role} must be scoped to an agency, not the Government as a whole':
    'vai trò {role} phải gắn với một cơ quan, không gắn với Chính phủ nói chung',
  'is required': 'là bắt buộc',
  'must be at least {count} characters': 'phải có ít nhất {count} ký tự',
  'must be at most 200 characters': 'không được quá 200 ký tự',
  'Too many failed sign-ins from this address; try again later':
    'Đăng nhập sai quá nhiều lần từ địa chỉ này; vui lòng thử lại sau',
  'does not match your current password': 'không khớp với mật khẩu hiện tại',
  'missing from the first row': 'không có ở dòng đầu tiên',
  'has more than {count} rows': 'có hơn {count} dòng',
  'is empty': 'đang để trống',
  'is not an email address': 'không phải là địa chỉ email',
  'already belongs to another person': 'đã thuộc về người khác',
  '{field}: already belongs to another person': '{field}: đã thuộc về người khác',
  'duplicate of row {row}': 'trùng với dòng {row}',
  'unknown organisation code "{code}"': 'không có cơ quan, đơn vị mang mã "{code}"',
  'you do not administer this organisation': 'bạn không quản trị cơ quan, đơn vị này',
  'unknown role "{role}" (one of {roles})': 'không có vai trò "{role}" (chọn một trong {roles})',
  'has no people': 'không có người nào',
  'email: someone added one of these people meanwhile; preview again':
    'email: trong lúc này đã có người thêm một trong những người này; hãy xem trước lại',
  'no such organisation': 'không có cơ quan, đơn vị này',
  'orgUnitId: you do not administer organisation {id}': 'orgUnitId: bạn không quản trị cơ quan, đơn vị {id}',
  'you cannot disable your own account': 'bạn không thể tự khóa tài khoản của mình',

  // notifications
  'must be an http or https address': 'phải là địa chỉ http hoặc https',
  'Sign in to see your notifications': 'Vui lòng đăng nhập để xem thông báo của bạn',
  'give an address to receive email': 'hãy nhập địa chỉ nhận email',
  'give a webhook address': 'hãy nhập địa chỉ webhook',

  // organisations: files, import, units, lineage
  'file: larger than {size} MB': 'file: lớn hơn {size} MB',
  'file: not a real .xlsx file (an .xlsx is a zip archive; this is not one)':
    'file: không phải tệp .xlsx thật (tệp .xlsx là một tệp nén zip; tệp này thì không)',
  'file: not a text CSV (it looks binary; save as CSV UTF-8)':
    'file: không phải tệp CSV dạng văn bản (có vẻ là tệp nhị phân; hãy lưu dưới dạng CSV UTF-8)',
  'file: old .xls format is not accepted; save as .xlsx or CSV UTF-8':
    'file: không nhận định dạng .xls cũ; hãy lưu dưới dạng .xlsx hoặc CSV UTF-8',
  'file: must be a .csv or .xlsx file': 'file: phải là tệp .csv hoặc .xlsx',
  'is not UTF-8 text; save it as "CSV UTF-8"': 'không phải văn bản UTF-8; hãy lưu dưới dạng "CSV UTF-8"',
  'cannot be read as CSV: {detail}': 'không đọc được dưới dạng CSV: {detail}',
  'file: cannot be read as .xlsx ({detail})': 'file: không đọc được dưới dạng .xlsx ({detail})',
  'has no worksheet': 'không có trang tính nào',
  'merged cells are not accepted; unmerge them': 'không nhận ô đã gộp; hãy bỏ gộp ô',
  'formulas are not accepted; paste values only': 'không nhận công thức; chỉ dán giá trị',
  'has no header row': 'không có dòng tiêu đề',
  'has a header but no rows': 'có dòng tiêu đề nhưng không có dòng dữ liệu',
  'has {count} rows; at most {max} per file': 'có {count} dòng; mỗi tệp tối đa {max} dòng',
  'no column for {field} (use one of: {headers})': 'thiếu cột {field} (dùng một trong các tên: {headers})',
  'must be 5 digits (QĐ 19/2025/QĐ-TTg), got "{code}"':
    'phải gồm 5 chữ số (QĐ 19/2025/QĐ-TTg), nhận được "{code}"',
  'must be letters, digits or _ (at most 40), got "{code}"':
    'chỉ gồm chữ cái, chữ số hoặc _ (tối đa 40 ký tự), nhận được "{code}"',
  'must be a 2-digit province code, got "{code}"': 'phải là mã tỉnh gồm 2 chữ số, nhận được "{code}"',
  'must be xã, phường or đặc khu, got "{kind}"': 'phải là xã, phường hoặc đặc khu, nhận được "{kind}"',
  'is empty and the name does not start with Xã, Phường or Đặc khu':
    'đang để trống và tên không bắt đầu bằng Xã, Phường hoặc Đặc khu',
  'is {kind} but the name says {nameKind}': 'ghi là {kind} nhưng tên lại là {nameKind}',
  '{code} appears again in this file (first on row {row})':
    '{code} xuất hiện lại trong tệp (lần đầu ở dòng {row})',
  '{code} already exists ({name})': '{code} đã có ({name})',
  'unknown {what} {code}': 'không có {what} {code}',
  '{what} {code} was closed on {date}': '{what} {code} đã giải thể từ ngày {date}',
  '{rule}; {code} is a {kind}': '{rule}; {code} là {kind}',
  'you do not administer {code}': 'bạn không quản trị {code}',
  'no unit {code}': 'không có đơn vị {code}',
  '{code} was already closed on {date}': '{code} đã giải thể từ ngày {date}',
  'the Government cannot be merged or split': 'không thể sáp nhập hoặc chia tách Chính phủ',
  '{date} is not after {start}, when {code} began':
    '{date} không sau ngày {start}, ngày {code} bắt đầu hoạt động',
  'no unit {code}; give nameVi to create it': 'không có đơn vị {code}; hãy nhập nameVi để tạo mới',
  '{code} was closed on {date}': '{code} đã giải thể từ ngày {date}',
  '{date} is before {code} began ({start})': '{date} trước ngày {code} bắt đầu hoạt động ({start})',
  required: 'là bắt buộc',
  '{code} is listed twice': '{code} được kê hai lần',
  '{code} cannot be merged into itself': 'không thể sáp nhập {code} vào chính nó',
  'sub-unit {code} ({kind}) cannot move under {target} ({targetKind})':
    'đơn vị trực thuộc {code} ({kind}) không thể chuyển về {target} ({targetKind})',
  'a split needs at least two units': 'chia tách cần ít nhất hai đơn vị',
  '{code} cannot be split into itself': 'không thể chia tách {code} thành chính nó',
  'sub-unit {code} of {source} needs a new parent among {codes}':
    'đơn vị trực thuộc {code} của {source} cần đơn vị cấp trên mới trong số {codes}',
  '{code} is not one of {codes}': '{code} không thuộc {codes}',
  'a {kind} cannot sit under {code} ({parentKind})': '{kind} không thể trực thuộc {code} ({parentKind})',
  '{code} is not an open sub-unit of {source}':
    '{code} không phải đơn vị trực thuộc đang hoạt động của {source}',
  'a {kind} has no parent': '{kind} không có đơn vị cấp trên',
  'a {kind} cannot be created here': 'không thể tạo {kind} tại đây',
  'a {kind} may sit only under a {parents}': '{kind} chỉ có thể trực thuộc {parents}',
  '{field}: you do not administer {code}': '{field}: bạn không quản trị {code}',
  'must be 5 digits (QĐ 19/2025/QĐ-TTg)': 'phải gồm 5 chữ số (QĐ 19/2025/QĐ-TTg)',
  'must be letters, digits or _ (at most 40)': 'chỉ gồm chữ cái, chữ số hoặc _ (tối đa 40 ký tự)',
  'code: {code} already exists ({name})': 'code: {code} đã có ({name})',
  '{code}: closed on {date}; a closed unit keeps the name it had':
    '{code}: đã giải thể từ ngày {date}; đơn vị đã giải thể giữ nguyên tên cũ',
  'nothing to change': 'không có gì để thay đổi',
  'required to rename: the day the new name takes effect': 'bắt buộc khi đổi tên: ngày tên mới có hiệu lực',
  'must be after {date}, when {code} began': 'phải sau ngày {date}, ngày {code} bắt đầu hoạt động',
  'a unit cannot be its own parent': 'một đơn vị không thể là cấp trên của chính nó',
  '{parent} is a sub-unit of {code}; moving {code2} under it would make a cycle':
    '{parent} là đơn vị trực thuộc {code}; chuyển {code2} về đó sẽ tạo vòng lặp',
  'must be an organisation code': 'phải là mã cơ quan, đơn vị',
  'must name the decision, e.g. "Nghị quyết 202/2025/QH15"':
    'phải ghi văn bản quyết định, ví dụ "Nghị quyết 202/2025/QH15"',
  'must be an agency code': 'phải là mã cơ quan',

  // plans
  'a plan item needs a parent task': 'mục kế hoạch cần có nhiệm vụ cấp trên',
  "task {code} is not assigned to {agency}; a plan implements only its own agency's tasks":
    'nhiệm vụ {code} không giao cho {agency}; kế hoạch chỉ triển khai nhiệm vụ của chính cơ quan mình',
  "task {code} belongs to another agency's plan": 'nhiệm vụ {code} thuộc kế hoạch của cơ quan khác',
  'a plan item is led by one organisation, not a collective':
    'mục kế hoạch do một cơ quan, đơn vị chủ trì, không phải một nhóm cơ quan',
  '{lead} is not {agency} or one of its units': '{lead} không phải {agency} hoặc đơn vị trực thuộc',
  'unknown agency {code}': 'không có cơ quan {code}',
  '{agency} already has a plan': '{agency} đã có kế hoạch',
  'The plan of {agency} was changed at the same time; try again':
    'Kế hoạch của {agency} vừa được người khác thay đổi cùng lúc; vui lòng thử lại',
  'Item {code} is cancelled': 'Mục {code} đã bị hủy',

  // program
  'must be 1 to 20': 'phải từ 1 đến 20',
  'must be between 0 and 1': 'phải từ 0 đến 1',
  'must be one of {values}': 'phải là một trong các giá trị {values}',

  // register, extensions, views
  'must be after the current deadline {date}': 'phải sau thời hạn hiện tại {date}',
  "Task {code} is {state}: only an assigned task's deadline is extended":
    'Nhiệm vụ {code} ở trạng thái {state}: chỉ gia hạn nhiệm vụ đã giao',
  'Task {code} has no single deadline to extend': 'Nhiệm vụ {code} không có một thời hạn duy nhất để gia hạn',
  '{agency} does not lead task {code} and cannot ask to extend it':
    '{agency} không chủ trì nhiệm vụ {code} nên không thể đề nghị gia hạn',
  'Task {code} already has a pending extension request':
    'Nhiệm vụ {code} đã có đề nghị gia hạn đang chờ quyết định',
  'a refusal needs a reason': 'từ chối cần nêu lý do',
  'Extension request {id} is already {state}': 'Đề nghị gia hạn {id} đã ở trạng thái {state}',
  'Task {code} is {state}: its deadline no longer moves':
    'Nhiệm vụ {code} ở trạng thái {state}: thời hạn không thể thay đổi nữa',
  'must be a group number': 'phải là số thứ tự nhóm',
  'must be an agency code or a collective': 'phải là mã cơ quan hoặc một nhóm cơ quan',
  'must not name a column twice': 'không được nêu một cột hai lần',
  'must name at least one column': 'phải nêu ít nhất một cột',
  'must not be before dueFrom': 'không được trước dueFrom',
  'you have {count} views already; delete one first':
    'bạn đã có {count} bộ lọc đã lưu; hãy xóa bớt một bộ lọc trước',
  'must be an agency code or a collective (all_ministries, all_provinces, …)':
    'phải là mã cơ quan hoặc một nhóm cơ quan (all_ministries, all_provinces, …)',
  'must be a date YYYY-MM-DD or an ISO timestamp with a zone':
    'phải là ngày YYYY-MM-DD hoặc thời điểm ISO có múi giờ',
  'Another task was written with code {code} at the same time':
    'Một nhiệm vụ khác vừa được ghi cùng lúc với số hiệu {code}',
  'Task {code} is cancelled': 'Nhiệm vụ {code} đã bị hủy',
  'Task {code} is already {state}': 'Nhiệm vụ {code} đã ở trạng thái {state}',
  'the deadline {deadline} is before the assignment date {assigned}':
    'thời hạn {deadline} trước ngày giao {assigned}',
  'Task {code} is already cancelled': 'Nhiệm vụ {code} đã bị hủy trước đó',
  '{code} is already used by another task': '{code} đã được dùng cho nhiệm vụ khác',
  'no group {number}': 'không có nhóm {number}',
  'Task {code} is {state}: its deadline changes only through an extension':
    'Nhiệm vụ {code} ở trạng thái {state}: thời hạn chỉ thay đổi qua đề nghị gia hạn',
  'no deadline rule reads this text; give dueDate':
    'không quy tắc thời hạn nào đọc được nội dung này; hãy nhập dueDate',
  '{agency} is the lead agency; a lead is not also a partner':
    '{agency} là cơ quan chủ trì; cơ quan chủ trì không đồng thời là cơ quan phối hợp',
  'no target {id}': 'không có chỉ tiêu {id}',
  'no task {id} in this program': 'không có nhiệm vụ {id} trong chương trình này',
  'task {id} is below this task: that would make a cycle':
    'nhiệm vụ {id} nằm dưới nhiệm vụ này: như vậy sẽ tạo vòng lặp',
  'Task {code} cannot be assigned: {problems}': 'Không thể giao nhiệm vụ {code}: {problems}',
  'no lead agency': 'chưa có cơ quan chủ trì',
  'no content': 'chưa có nội dung',
  'there must be exactly one lead agency': 'phải có đúng một cơ quan chủ trì',
  'no deadline or recurrence': 'chưa có thời hạn hoặc chu kỳ',
  'no expected product': 'chưa có sản phẩm dự kiến',

  // register import and export
  'file: {size} MB is over the {max} MB limit; split the register into several files':
    'file: {size} MB vượt giới hạn {max} MB; hãy chia sổ thành nhiều tệp',
  'over the size limit': 'vượt giới hạn dung lượng',
  'is not a column of the register ({fields})': 'không phải cột của sổ ({fields})',
  'must be a column letter (C) or number (3)': 'phải là chữ cái (C) hoặc số thứ tự (3) của cột',
  'must be a real date as YYYY-MM-DD': 'phải là ngày có thật theo dạng YYYY-MM-DD',
  'must be a whole number from 1': 'phải là số nguyên từ 1 trở lên',
  'must be a row number from 1': 'phải là số thứ tự dòng từ 1 trở lên',
  'has no task rows under the header': 'không có dòng nhiệm vụ nào dưới dòng tiêu đề',
  'Nothing imported: {errors} of {rows} rows have errors. {problems}':
    'Chưa nhập gì: {errors} trên {rows} dòng có lỗi. {problems}',
  'No. {code} already exists in the program': 'STT {code} đã có trong chương trình',
  '"{pair}" must be field=column, field one of {fields}':
    '"{pair}" phải có dạng trường=cột, trường là một trong {fields}',
  'file: send the file itself as the body, with content-type {type}':
    'file: hãy gửi chính tệp làm nội dung yêu cầu, với content-type {type}',
  'the task text is empty': 'nội dung nhiệm vụ đang để trống',
  'No. (STT) is empty': 'STT đang để trống',
  'No. is over 40 characters': 'STT dài quá 40 ký tự',
  'No. {code} is also used on row {row}': 'STT {code} cũng được dùng ở dòng {row}',
  '"{text}" is not a group number': '"{text}" không phải là số thứ tự nhóm',
  'no deadline: the task gets no due date': 'không có thời hạn: nhiệm vụ không có hạn hoàn thành',
  'no deadline rule covers "{text}": kept as written, no due date (see docs/deadline-rules.md)':
    'không quy tắc thời hạn nào đọc được "{text}": giữ nguyên như đã ghi, không có hạn hoàn thành (xem docs/deadline-rules.md)',
  'The draft was changed by someone else since you opened it; review their changes':
    'Bản nháp đã được người khác sửa từ khi bạn mở; hãy xem các thay đổi của họ',
  'no lead agency: the task is not assignable yet': 'chưa có cơ quan chủ trì: nhiệm vụ chưa thể giao',
  'the date serial number {serial} was read as {date}; format the cell as a date or text':
    'số ngày {serial} được đọc thành {date}; hãy định dạng ô là ngày hoặc văn bản',
  'unknown agency "{name}"; did you mean "{suggestion}"? Kept as written':
    'không có cơ quan "{name}"; có phải là "{suggestion}"? Giữ nguyên như đã ghi',
  'unknown agency "{name}"; kept as written': 'không có cơ quan "{name}"; giữ nguyên như đã ghi',
  '"{name}" is a former name, mapped to {code}': '"{name}" là tên cũ, được hiểu là {code}',
  '"{name}" is both lead and partner': '"{name}" vừa là cơ quan chủ trì vừa là cơ quan phối hợp',
  'partner "{name}" is now part of the lead "{lead}" (merged bodies)':
    'cơ quan phối hợp "{name}" nay thuộc cơ quan chủ trì "{lead}" (đã sáp nhập)',
  '"{name}" is the lead agency and cannot also be a partner':
    '"{name}" là cơ quan chủ trì nên không thể đồng thời là cơ quan phối hợp',

  // reports, files, obligations
  'send the file as the request body (application/octet-stream)':
    'hãy gửi tệp làm nội dung yêu cầu (application/octet-stream)',
  'file: larger than the {size} MB limit': 'file: vượt giới hạn {size} MB',
  'only an agency uploads evidence': 'chỉ cơ quan mới tải lên minh chứng',
  'give the file name': 'hãy nhập tên tệp',
  'file: its content is {type}; allowed are PDF, Word, Excel and images (PNG, JPEG, WebP)':
    'file: nội dung tệp là {type}; chỉ nhận PDF, Word, Excel và ảnh (PNG, JPEG, WebP)',
  'generate at most ten years at a time': 'mỗi lần chỉ tạo tối đa mười năm',
  'weekly schedules take an offset, not fixed dates':
    'lịch hằng tuần dùng số ngày lệch, không dùng ngày cố định',
  'needs {count} dates, one per period': 'cần {count} ngày, mỗi kỳ một ngày',
  '"{text}" is not a day as MM-DD': '"{text}" không phải là ngày theo dạng MM-DD',
  'must be a number and symbol such as "71/NQ-CP" or "179/2024/NĐ-CP"':
    'phải là số và ký hiệu văn bản, ví dụ "71/NQ-CP" hoặc "179/2024/NĐ-CP"',
  'must name the issuer': 'phải ghi cơ quan ban hành',
  'must be between 0 and 100': 'phải từ 0 đến 100',
  'the task appears twice': 'nhiệm vụ xuất hiện hai lần',
  'a completed task needs evidence (document, file or link)':
    'nhiệm vụ đã hoàn thành cần có minh chứng (văn bản, tệp hoặc đường dẫn)',
  'a completed task needs its date': 'nhiệm vụ đã hoàn thành cần có ngày hoàn thành',
  'a completed task is at 100': 'nhiệm vụ đã hoàn thành phải đạt 100',
  'only a completed task has a completion date': 'chỉ nhiệm vụ đã hoàn thành mới có ngày hoàn thành',
  'must not be in the future': 'không được là ngày trong tương lai',
  'You may not review your own report': 'Bạn không được tự xem xét báo cáo của mình',
  'This obligation already has a report; open it instead': 'Kỳ báo cáo này đã có báo cáo; hãy mở báo cáo đó',
  'This obligation already has a report (id {id}); open it instead':
    'Kỳ báo cáo này đã có báo cáo (số {id}); hãy mở báo cáo đó',
  'is not a task of this agency in the program': 'không phải nhiệm vụ của cơ quan này trong chương trình',
  'is not a file uploaded by this agency': 'không phải tệp do cơ quan này tải lên',
  'A {status} report cannot be edited; {hint}': 'Không thể sửa báo cáo {status}; {hint}',
  'The draft changed meanwhile': 'Bản nháp vừa được thay đổi trong lúc này',
  'A {status} report cannot be submitted': 'Không thể gửi báo cáo {status}',
  'a report needs at least one task': 'báo cáo cần có ít nhất một nhiệm vụ',
  "the agency's summary is required": 'phần tóm tắt của cơ quan là bắt buộc',
  'say why the report is returned': 'hãy nêu lý do trả lại báo cáo',
  'Only a submitted report can be returned; this one is {status}':
    'Chỉ trả lại được báo cáo đã gửi; báo cáo này đang ở trạng thái {status}',
  'Only a submitted report can be accepted; this one is {status}':
    'Chỉ tiếp nhận được báo cáo đã gửi; báo cáo này đang ở trạng thái {status}',
  'is not an item of this report': 'không phải một mục của báo cáo này',
  'say why the report is corrected': 'hãy nêu lý do đính chính báo cáo',
  'Only the latest accepted revision can be corrected': 'Chỉ đính chính được bản đã tiếp nhận mới nhất',
  'A correction of this report is already open': 'Báo cáo này đang có một bản đính chính chưa hoàn tất',

  // bottlenecks, calendar
  'must not be empty': 'không được để trống',
  'does not exist in this program': 'không có trong chương trình này',
  'A {status} bottleneck cannot be {action}d': 'Không thể thực hiện "{action}" với điểm nghẽn {status}',
  'must be day_off or working_day': 'phải là day_off hoặc working_day',
  'is required (e.g. the announcement it comes from)': 'là bắt buộc (ví dụ văn bản thông báo)',
  'must be at most 300 characters': 'không được quá 300 ký tự',
  'a make-up working day must be a Saturday or Sunday': 'ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
  'is already a weekend day; a day off must be a weekday':
    'đã là ngày cuối tuần; ngày nghỉ phải là ngày trong tuần',
  'must not be before from': 'không được trước from',

  // evaluation
  'must be lower-case letters, digits, - or _': 'chỉ gồm chữ thường, chữ số, - hoặc _',
  'is not a scoring method': 'không phải là phương pháp chấm điểm',
  'must not be after today: figures are known only up to today':
    'không được sau hôm nay: số liệu chỉ có đến hôm nay',
  'has no task due or completed and no report owed by {date}: nothing to publish':
    'không có nhiệm vụ đến hạn hoặc đã hoàn thành và không có báo cáo phải nộp đến ngày {date}: không có gì để công bố',
  'A published evaluation never changes: publish a new snapshot for the period instead':
    'Kỳ đánh giá đã công bố không thay đổi được: hãy công bố một kỳ mới cho giai đoạn này',
  'A published scoring method never changes: create a new version with the new weights':
    'Phương pháp chấm điểm đã công bố không thay đổi được: hãy tạo phiên bản mới với trọng số mới',
  'has no figures in this snapshot': 'không có số liệu trong kỳ đánh giá này',
  "You may ask for a recheck of your own agency's figures only":
    'Bạn chỉ được đề nghị rà soát lại số liệu của cơ quan mình',
  'This recheck is already answered; answers are kept as given':
    'Đề nghị rà soát này đã được trả lời; câu trả lời được giữ nguyên',
  'must be a year, half, quarter or month: 2025, 2025-H1, 2025-Q2, 2025-06':
    'phải là năm, nửa năm, quý hoặc tháng: 2025, 2025-H1, 2025-Q2, 2025-06',
  'must fall within the period {period} ({start} to {end})':
    'phải nằm trong kỳ {period} (từ {start} đến {end})',
  'must be a whole number from 0 to 100': 'phải là số nguyên từ 0 đến 100',
  'is not a criterion': 'không phải là tiêu chí',
  'must sum to 100 (they sum to {sum})': 'tổng phải bằng 100 (hiện là {sum})',
  'must be a whole number from 0 to {max}': 'phải là số nguyên từ 0 đến {max}',
  'must total at most {max} (they total {total})': 'tổng không được quá {max} (hiện là {total})',
  'must be from 0 to 1 in steps of 0.05': 'phải từ 0 đến 1, mỗi bước 0,05',

  // targets: values, definitions, import
  'must be written as key=value, e.g. province=48': 'phải viết dạng khóa=giá trị, ví dụ province=48',
  'must be a short name in lower case, e.g. province': 'phải là tên ngắn viết thường, ví dụ province',
  'must be 1 to 60 characters': 'phải có từ 1 đến 60 ký tự',
  'must be a year, e.g. 2025': 'phải là năm, ví dụ 2025',
  'must be between {min} and {max}': 'phải từ {min} đến {max}',
  'must be empty (whole year), Q1–Q4, H1–H2 or M01–M12': 'phải để trống (cả năm), Q1–Q4, H1–H2 hoặc M01–M12',
  '"{code}" is not a province code': '"{code}" không phải là mã tỉnh',
  'must be a number, not "{text}"': 'phải là số, không phải "{text}"',
  'is required for this target': 'là bắt buộc với chỉ tiêu này',
  'a rank must be a whole number from 1': 'thứ hạng phải là số nguyên từ 1 trở lên',
  'only qualitative targets take an assessment; give a value':
    'chỉ chỉ tiêu định tính mới nhận đánh giá; hãy nhập giá trị',
  'a qualitative target needs an assessment': 'chỉ tiêu định tính cần có đánh giá',
  'this target has no unit; leave it empty': 'chỉ tiêu này không có đơn vị tính; hãy để trống',
  'must be the target\'s unit "{unit}", not "{given}"':
    'phải là đơn vị tính của chỉ tiêu "{unit}", không phải "{given}"',
  'must be a link starting with http:// or https://': 'phải là đường dẫn bắt đầu bằng http:// hoặc https://',
  'must be at most {max} characters': 'không được quá {max} ký tự',
  'a value for {period} already exists (#{id}, {status})': 'đã có giá trị cho {period} (#{id}, {status})',
  'targetCode: your agency does not monitor target {code}':
    'targetCode: cơ quan của bạn không theo dõi chỉ tiêu {code}',
  'a value for this period and breakdown was entered meanwhile':
    'trong lúc này đã có người nhập giá trị cho kỳ và phân tổ này',
  'is required to return a value': 'là bắt buộc khi trả lại giá trị',
  'must be at most 2000 characters': 'không được quá 2000 ký tự',
  'A value is reviewed by someone other than the person who entered it':
    'Giá trị phải do người khác với người nhập xem xét',
  'must be a target code': 'phải là mã chỉ tiêu',
  'is required for the comparison "{comparison}"': 'là bắt buộc với phép so sánh "{comparison}"',
  'a range needs an upper bound': 'khoảng giá trị cần có cận trên',
  'must be greater than targetValue': 'phải lớn hơn targetValue',
  'only a range has an upper bound; send null': 'chỉ khoảng giá trị mới có cận trên; hãy gửi null',
  'a baseline needs both a value and a year': 'giá trị cơ sở cần có cả giá trị và năm',
  'must be before the target year': 'phải trước năm mục tiêu',
  'a qualitative target has no numeric baseline': 'chỉ tiêu định tính không có giá trị cơ sở bằng số',
  'expectedVersion: the target changed meanwhile (now version {version}); reload and edit again':
    'expectedVersion: chỉ tiêu vừa được thay đổi (nay là phiên bản {version}); hãy tải lại và sửa lại',
  'no organisation has the code "{code}"': 'không có cơ quan, đơn vị nào mang mã "{code}"',
  'no target has the code "{code}"': 'không có chỉ tiêu nào mang mã "{code}"',
  'a CSV file must be saved as UTF-8 (in Excel: "CSV UTF-8")':
    'tệp CSV phải được lưu dạng UTF-8 (trong Excel: "CSV UTF-8")',
  'not a readable CSV{where}: {detail}': 'không đọc được tệp CSV{where}: {detail}',
  ' (near line {line})': ' (gần dòng {line})',
  'not a readable .xlsx workbook': 'không đọc được tệp .xlsx',
  'the workbook has no sheet': 'tệp không có trang tính nào',
  'the file is empty': 'tệp trống',
  'needs a "target_code" column': 'cần có cột "target_code"',
  'needs a "year" column': 'cần có cột "year"',
  'needs a "value" column': 'cần có cột "value"',
  'the file has no header row': 'tệp không có dòng tiêu đề',
  'the file has no rows under the header': 'tệp không có dòng dữ liệu dưới dòng tiêu đề',
  'at most {max} rows per file': 'mỗi tệp tối đa {max} dòng',
  'your agency does not monitor target {code}': 'cơ quan của bạn không theo dõi chỉ tiêu {code}',
  'row {row} already gives {code} for {period}': 'dòng {row} đã có {code} cho {period}',
  'a value of {code} for {period} already exists (#{id}, {status})':
    'đã có giá trị của {code} cho {period} (#{id}, {status})',
  'must be 2000–2045': 'phải từ 2000 đến 2045',
};

/** Fastify's own refusals (its messages, not ours): the error handler answers them as they come. */
export const FRAMEWORK_MESSAGES_VI: Record<string, string> = {
  'Request body is too large': 'Nội dung yêu cầu quá lớn',
  'Unsupported Media Type': 'Kiểu nội dung không được hỗ trợ',
  'Unsupported Media Type: {type}': 'Kiểu nội dung không được hỗ trợ: {type}',
  'Request body size did not match Content-Length': 'Kích thước nội dung không khớp với Content-Length',
  "Body cannot be empty when content-type is set to 'application/json'":
    "Nội dung không được để trống khi content-type là 'application/json'",
  "Body is not valid JSON but content-type is set to 'application/json'":
    "Nội dung không phải JSON hợp lệ trong khi content-type là 'application/json'",
};

/**
 * What a refusal names inside its sentence (the `what` of "{what} not found", a report's status, an
 * organisation's kind): looked up only for a value a message carries, never as a whole message, and
 * in lower case because they sit mid-sentence.
 */
export const TERMS_VI: Record<string, string> = {
  // Roles, as the web names them (web/src/i18n/locales/vi/auth.json).
  system_admin: '"Quản trị hệ thống"',
  coordinator: '"Điều phối Chương trình"',
  focal_officer: '"Cán bộ đầu mối"',
  agency_head: '"Người đứng đầu cơ quan"',
  steering_viewer: '"Thành viên Ban Chỉ đạo"',
  auditor: '"Kiểm toán"',
  Person: 'người dùng',
  'Role assignment': 'vai trò được giao',
  'Single sign-on': 'cấu hình đăng nhập một lần',
  'Development mail outbox (SMTP is configured, or production)':
    'hộp thư thử nghiệm (đã cấu hình SMTP, hoặc đang chạy chính thức)',
  'Organisation {code}': 'cơ quan, đơn vị {code}',
  Agency: 'cơ quan',
  'Agency {code}': 'cơ quan {code}',
  'Plan of {agency}': 'kế hoạch của {agency}',
  'Item {id} of the plan of {agency}': 'mục {id} trong kế hoạch của {agency}',
  'Task {id}': 'nhiệm vụ {id}',
  'Program {code}': 'chương trình {code}',
  'Load report of program {code}': 'báo cáo nạp dữ liệu của chương trình {code}',
  'Item link {id}': 'liên kết mục {id}',
  'Extension request {id}': 'đề nghị gia hạn {id}',
  'View {id}': 'bộ lọc đã lưu {id}',
  'Calendar day {date}': 'ngày {date} trong lịch làm việc',
  'Scoring method {id}': 'phương pháp chấm điểm {id}',
  'Default scoring method': 'phương pháp chấm điểm mặc định',
  'Evaluation snapshot {id}': 'kỳ đánh giá {id}',
  'Recheck {id}': 'đề nghị rà soát lại số liệu {id}',
  'Agency {agency} in evaluation {id}': 'cơ quan {agency} trong kỳ đánh giá {id}',
  'Scorecard {number} in evaluation {id}': 'phiếu đánh giá {number} trong kỳ đánh giá {id}',
  'Target {code}': 'chỉ tiêu {code}',
  'Target value {id}': 'giá trị chỉ tiêu {id}',
  'Target of value {id}': 'chỉ tiêu của giá trị {id}',
  Bottleneck: 'điểm nghẽn',
  Report: 'báo cáo',
  'Reporting obligation': 'kỳ báo cáo phải nộp',
  File: 'tệp',
  'File content': 'nội dung tệp',
  'Unread notification': 'thông báo chưa đọc',

  draft: 'bản nháp',
  submitted: 'đã gửi',
  returned: 'bị trả lại',
  accepted: 'đã tiếp nhận',
  assigned: 'đã giao',
  cancelled: 'đã hủy',
  pending: 'đang chờ quyết định',
  approved: 'đã chấp thuận',
  refused: 'đã từ chối',
  open: 'đang mở',
  escalated: 'đã chuyển cấp trên',
  answered: 'đã trả lời',
  cleared: 'đã tháo gỡ',
  government: 'Chính phủ',
  ministry: 'bộ',
  ministerial_agency: 'cơ quan ngang bộ',
  government_agency: 'cơ quan thuộc Chính phủ',
  province: 'tỉnh',
  city: 'thành phố trực thuộc trung ương',
  department: 'sở, ban, ngành',
  commune: 'xã',
  ward: 'phường',
  special_zone: 'đặc khu',
  other: 'đơn vị khác',
  'parent unit': 'đơn vị cấp trên',
};
