/**
 * The API's one list of errors. Every error response carries one of these stable codes with its HTTP status
 * and a short message a person can act on, in English and Vietnamese (the console is Vietnamese-first).
 * Messages may hold `{name}` placeholders filled from the parameters given to {@link apiError}; they never
 * echo request bodies, passwords, tokens or personal data.
 */

/** One entry of the list. */
export interface ErrorSpec {
  /** HTTP status sent with the code. */
  status: number;
  /** English message, with optional `{name}` placeholders. */
  en: string;
  /** Vietnamese message, same placeholders. */
  vi: string;
}

/** Every API error, by stable code. Add new codes here, never inline in a handler. */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    en: 'Some fields are missing or not in the expected form. Correct the fields listed in details and send again.',
    vi: 'Một số trường bị thiếu hoặc sai định dạng. Sửa các trường nêu trong phần chi tiết rồi gửi lại.',
  },
  MALFORMED_JSON: {
    status: 400,
    en: 'The request body is empty or not valid JSON. Check quotes, commas and brackets, then send again.',
    vi: 'Nội dung gửi lên trống hoặc không phải JSON hợp lệ. Kiểm tra dấu ngoặc kép, dấu phẩy, dấu ngoặc rồi gửi lại.',
  },
  BAD_REQUEST: {
    status: 400,
    en: 'The request could not be read. Check the address, headers and body, then send again.',
    vi: 'Không đọc được yêu cầu. Kiểm tra địa chỉ, tiêu đề và nội dung rồi gửi lại.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    en: 'This content type is not accepted. Send the body as JSON with "Content-Type: application/json".',
    vi: 'Không nhận kiểu nội dung này. Hãy gửi JSON với tiêu đề "Content-Type: application/json".',
  },
  BODY_TOO_LARGE: {
    status: 413,
    en: 'The request body is larger than the limit of {limit} bytes. Send less data at a time.',
    vi: 'Nội dung gửi lên vượt giới hạn {limit} byte. Hãy gửi ít dữ liệu hơn mỗi lần.',
  },
  URI_TOO_LONG: {
    status: 414,
    en: 'A part of the address is too long. Check the unit key or identifier in the URL.',
    vi: 'Một phần của địa chỉ quá dài. Kiểm tra mã đơn vị hoặc mã định danh trong URL.',
  },
  UNIT_KEY_INVALID: {
    status: 400,
    en: 'This is not a unit key. Use "<structure>:<code>", e.g. "2025:00004" or "pre2025:00004".',
    vi: 'Mã đơn vị không đúng dạng. Dùng "<cơ cấu>:<mã>", ví dụ "2025:00004" hoặc "pre2025:00004".',
  },
  DATE_INVALID: {
    status: 400,
    en: 'The date is not a calendar date. Use YYYY-MM-DD, e.g. 2025-07-01.',
    vi: 'Ngày không hợp lệ. Dùng dạng YYYY-MM-DD, ví dụ 2025-07-01.',
  },
  UNAUTHENTICATED: {
    status: 401,
    en: 'Sign in to continue: this request needs a valid access token (header "Authorization: Bearer …").',
    vi: 'Hãy đăng nhập để tiếp tục: yêu cầu này cần mã truy cập hợp lệ (tiêu đề "Authorization: Bearer …").',
  },
  TOKEN_EXPIRED: {
    status: 401,
    en: 'Your access token has expired. Refresh the session (POST /auth/refresh) or sign in again.',
    vi: 'Mã truy cập đã hết hạn. Hãy làm mới phiên (POST /auth/refresh) hoặc đăng nhập lại.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'The username or password is incorrect. Check both and try again.',
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại cả hai rồi thử lại.',
  },
  SESSION_INVALID: {
    status: 401,
    en: 'Your session has ended or is not valid. Sign in again.',
    vi: 'Phiên làm việc đã kết thúc hoặc không hợp lệ. Hãy đăng nhập lại.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    en: 'Too many failed sign-ins: this account is locked until {until} (UTC). Try again after that time or ask an administrator.',
    vi: 'Đăng nhập sai quá nhiều lần: tài khoản bị khóa đến {until} (UTC). Hãy thử lại sau thời điểm đó hoặc liên hệ quản trị viên.',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 400,
    en: 'The current password is incorrect. Enter the password you signed in with.',
    vi: 'Mật khẩu hiện tại không đúng. Hãy nhập mật khẩu bạn dùng để đăng nhập.',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    en: 'The new password is not accepted: use 12 to 128 characters, not your username, not a common password, and not your current one.',
    vi: 'Mật khẩu mới không được chấp nhận: dùng 12 đến 128 ký tự, không trùng tên đăng nhập, không phải mật khẩu phổ biến và khác mật khẩu hiện tại.',
  },
  FORBIDDEN_ROLE: {
    status: 403,
    en: 'Your role ({role}) cannot use this function. Ask an administrator if you need it.',
    vi: 'Vai trò của bạn ({role}) không được dùng chức năng này. Liên hệ quản trị viên nếu bạn cần.',
  },
  OUT_OF_SCOPE: {
    status: 403,
    en: 'This unit is outside the units you are responsible for. Choose a unit within your scope.',
    vi: 'Đơn vị này nằm ngoài phạm vi bạn phụ trách. Hãy chọn một đơn vị trong phạm vi của bạn.',
  },
  UNIT_NOT_FOUND: {
    status: 404,
    en: 'No unit has this key. Check the structure prefix ("2025:" or "pre2025:") and the code.',
    vi: 'Không có đơn vị nào mang mã này. Kiểm tra tiền tố cơ cấu ("2025:" hoặc "pre2025:") và mã số.',
  },
  UNIT_NOT_IN_FORCE: {
    status: 409,
    en: 'This unit is not in force on the chosen date. Choose a date within its validity, or use its /resolve to find the units that replaced it.',
    vi: 'Đơn vị này không còn hiệu lực vào ngày đã chọn. Hãy chọn ngày trong thời gian hiệu lực, hoặc dùng /resolve để tìm đơn vị thay thế.',
  },
  RESOLVE_BACKWARDS: {
    status: 422,
    en: 'Figures move forward only (pre2025 → 2025). Choose a date on or after 2025-07-01.',
    vi: 'Số liệu chỉ chuyển theo chiều tiến (trước 2025 → 2025). Hãy chọn ngày từ 2025-07-01 trở đi.',
  },
  NOT_FOUND: {
    status: 404,
    en: 'There is no such address. Check the URL and the method (the list is at /docs).',
    vi: 'Không có địa chỉ này. Kiểm tra URL và phương thức (danh sách tại /docs).',
  },
  CONFLICT: {
    status: 409,
    en: 'The data already exists or was changed meanwhile. Reload and try again.',
    vi: 'Dữ liệu đã tồn tại hoặc vừa bị thay đổi. Hãy tải lại rồi thử lại.',
  },
  RATE_LIMITED: {
    status: 429,
    en: 'Too many requests. Wait {retryAfter} seconds, then try again.',
    vi: 'Quá nhiều yêu cầu. Hãy đợi {retryAfter} giây rồi thử lại.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    en: 'The database cannot be reached. Try again in a minute; if it persists, tell the operators.',
    vi: 'Không kết nối được cơ sở dữ liệu. Hãy thử lại sau một phút; nếu vẫn lỗi, báo cho bộ phận vận hành.',
  },
  // Micro-frontend deployments and the console (api/src/deployments, api/src/console).
  DEPLOY_APP_INVALID: {
    status: 400,
    en: 'This is not a module name. Use the package name without "@vwu/", lower case, e.g. "mfe-members"; "shell", "context" and "root-config" are reserved.',
    vi: 'Tên mô-đun không hợp lệ. Dùng tên gói không có "@vwu/", chữ thường, ví dụ "mfe-members"; không dùng "shell", "context", "root-config".',
  },
  DEPLOY_ARCHIVE_TYPE: {
    status: 415,
    en: 'Upload the bundle as a tar.gz archive of the module\'s dist/ with "Content-Type: application/gzip".',
    vi: 'Hãy tải gói lên dưới dạng tệp tar.gz của thư mục dist/ của mô-đun, với "Content-Type: application/gzip".',
  },
  DEPLOY_ARCHIVE_TOO_LARGE: {
    status: 413,
    en: 'The bundle is larger than the limit of {limit} bytes ({what}). Leave out what the module does not need, or ask the operators to raise DEPLOY_MAX_* limits.',
    vi: 'Gói vượt giới hạn {limit} byte ({what}). Bỏ bớt những gì mô-đun không cần, hoặc đề nghị bộ phận vận hành nâng giới hạn DEPLOY_MAX_*.',
  },
  DEPLOY_ARCHIVE_MALFORMED: {
    status: 400,
    en: 'The archive cannot be read: {problem}. Pack it again with: tar -czf bundle.tgz -C dist .',
    vi: 'Không đọc được tệp nén: {problem}. Hãy nén lại bằng lệnh: tar -czf bundle.tgz -C dist .',
  },
  DEPLOY_BUNDLE_INVALID: {
    status: 422,
    en: 'The bundle was refused: {problem}. Build the module with defineMfeConfig and upload its whole dist/.',
    vi: 'Gói bị từ chối: {problem}. Hãy dựng mô-đun bằng defineMfeConfig và tải lên toàn bộ thư mục dist/.',
  },
  DEPLOY_VERSION_EXISTS: {
    status: 409,
    en: 'Version {version} of {app} is already stored with different content; versions are immutable. Raise the version in package.json and build again.',
    vi: 'Phiên bản {version} của {app} đã có với nội dung khác; phiên bản không thể sửa. Hãy tăng số phiên bản trong package.json rồi dựng lại.',
  },
  DEPLOY_VERSION_NOT_FOUND: {
    status: 404,
    en: 'There is no version {version} of {app}. List the stored versions with GET /api/deployments/{app}/versions.',
    vi: 'Không có phiên bản {version} của {app}. Xem các phiên bản đã lưu tại GET /api/deployments/{app}/versions.',
  },
  DEPLOY_NOTHING_TO_ROLL_BACK: {
    status: 409,
    en: '{app} has no earlier published version to roll back to. Name a version to publish instead.',
    vi: '{app} không có phiên bản đã phát hành trước đó để quay lại. Hãy chỉ rõ phiên bản cần phát hành.',
  },
  CONSOLE_NOT_BUILT: {
    status: 404,
    en: 'The console is not built on this server. Run "npm run build" (or "npm start"), then reload.',
    vi: 'Giao diện chưa được dựng trên máy chủ này. Hãy chạy "npm run build" (hoặc "npm start") rồi tải lại trang.',
  },
  // Analytics files (api/src/analytics).
  ANALYTICS_LINK_INVALID: {
    status: 403,
    en: 'This file link is not valid (it was altered or belongs to another session). Reload the dashboard to get fresh links.',
    vi: 'Liên kết tệp này không hợp lệ (đã bị sửa hoặc thuộc phiên khác). Hãy tải lại bảng điều khiển để nhận liên kết mới.',
  },
  ANALYTICS_LINK_EXPIRED: {
    status: 403,
    en: 'This file link has expired. Reload the dashboard to get fresh links.',
    vi: 'Liên kết tệp này đã hết hạn. Hãy tải lại bảng điều khiển để nhận liên kết mới.',
  },
  ANALYTICS_FILE_NOT_LISTED: {
    status: 404,
    en: 'This file is not among the analytics files you may read (it was replaced, or it is outside your scope). Reload the dashboard.',
    vi: 'Tệp này không thuộc dữ liệu phân tích bạn được xem (đã được thay thế hoặc nằm ngoài phạm vi của bạn). Hãy tải lại bảng điều khiển.',
  },
  RANGE_NOT_SATISFIABLE: {
    status: 416,
    en: 'The requested byte range is not within the file ({size} bytes). Ask for bytes from 0 to {last}.',
    vi: 'Khoảng byte yêu cầu nằm ngoài tệp ({size} byte). Hãy yêu cầu các byte từ 0 đến {last}.',
  },
  ANALYTICS_UNAVAILABLE: {
    status: 503,
    en: 'The analytics data cannot be read right now. Try again in a minute; if it persists, tell the operators.',
    vi: 'Hiện không đọc được dữ liệu phân tích. Hãy thử lại sau một phút; nếu vẫn lỗi, báo cho bộ phận vận hành.',
  },
  // KPI definitions and targets (api/src/kpi).
  KPI_NOT_FOUND: {
    status: 404,
    en: 'There is no target definition "{kpiId}". The list is at GET /kpi/definitions.',
    vi: 'Không có định nghĩa chỉ tiêu "{kpiId}". Danh sách tại GET /kpi/definitions.',
  },
  KPI_TARGET_UNIT: {
    status: 400,
    en: 'Targets are set for the whole country (2025:TW) or for one province (e.g. 2025:80), not for {unit}.',
    vi: 'Chỉ tiêu được đặt cho toàn quốc (2025:TW) hoặc cho một tỉnh (ví dụ 2025:80), không đặt cho {unit}.',
  },
  KPI_TARGET_LEVEL: {
    status: 400,
    en: 'Target "{kpiId}" does not apply at level {level}. It applies at: {levels}.',
    vi: 'Chỉ tiêu "{kpiId}" không áp dụng cho cấp {level}. Chỉ áp dụng cho cấp: {levels}.',
  },
  KPI_TARGET_VALUE: {
    status: 400,
    en: 'Target "{kpiId}" takes {expected}. Enter a value in that range.',
    vi: 'Chỉ tiêu "{kpiId}" nhận {expectedVi}. Hãy nhập giá trị trong khoảng đó.',
  },
  KPI_TARGET_NOT_EDITABLE: {
    status: 403,
    en: 'Provinces may not set their own value for target "{kpiId}": the central office fixes it. Ask a central analyst.',
    vi: 'Tỉnh không được tự đặt giá trị cho chỉ tiêu "{kpiId}": Trung ương quy định. Hãy liên hệ chuyên viên Trung ương.',
  },
  KPI_TARGET_BELOW_NATIONAL: {
    status: 403,
    en: 'A province may raise target "{kpiId}" at level {level} but not set it below the national value {national}.',
    vi: 'Tỉnh có thể nâng chỉ tiêu "{kpiId}" ở cấp {level} nhưng không được đặt thấp hơn mức toàn quốc {national}.',
  },
  // Event ingestion (api/src/ingest).
  INGEST_BATCH_TOO_LARGE: {
    status: 413,
    en: 'One request may carry at most {max} events; this one has {count}. Split the batch and send the parts.',
    vi: 'Mỗi yêu cầu chỉ được gửi tối đa {max} sự kiện; yêu cầu này có {count}. Hãy chia nhỏ lô rồi gửi từng phần.',
  },
  INGEST_UNAVAILABLE: {
    status: 503,
    en: 'The event pipeline did not confirm this batch. Send the same batch again in a minute (events already stored are not counted twice).',
    vi: 'Hệ thống xử lý sự kiện chưa xác nhận lô này. Hãy gửi lại đúng lô này sau một phút (sự kiện đã lưu sẽ không bị tính hai lần).',
  },
  INTERNAL: {
    status: 500,
    en: 'Something went wrong on our side. Try again; if it happens again, give the operators the request id.',
    vi: 'Đã có lỗi phía máy chủ. Hãy thử lại; nếu vẫn lỗi, gửi mã yêu cầu (request id) cho bộ phận vận hành.',
  },
  // Member registry (api/src/members).
  MEMBER_INVALID: {
    status: 400,
    en: 'Some member details need correcting: each field in details says what is wrong. Correct them and save again.',
    vi: 'Một số thông tin hội viên cần sửa: phần chi tiết nêu rõ từng trường sai. Hãy sửa rồi lưu lại.',
  },
  MEMBER_NOT_FOUND: {
    status: 404,
    en: 'No member with this number is registered in this unit. She may have been transferred or merged: search the list again.',
    vi: 'Không có hội viên mang số này trong đơn vị. Có thể hội viên đã chuyển đi hoặc đã được gộp hồ sơ: hãy tìm lại trong danh sách.',
  },
  MEMBER_UNIT_INVALID: {
    status: 400,
    en: 'Members are registered on a branch (chi hội) or a commune of the 2025 structure. Choose such a unit.',
    vi: 'Hội viên được đăng ký tại chi hội hoặc xã/phường theo cơ cấu 2025. Hãy chọn đơn vị như vậy.',
  },
  MEMBER_LIST_UNIT_INVALID: {
    status: 400,
    en: 'Members are kept on the units of the 2025 structure. Choose a 2025 unit (e.g. "2025:80") to see its members.',
    vi: 'Hội viên được quản lý theo đơn vị của cơ cấu 2025. Hãy chọn đơn vị 2025 (ví dụ "2025:80") để xem hội viên.',
  },
  MEMBER_VERSION_CONFLICT: {
    status: 409,
    en: 'Someone changed this member since you opened her record. Reload it to see the changes, then edit again.',
    vi: 'Hồ sơ hội viên vừa được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.',
  },
  MEMBER_NOT_ACTIVE: {
    status: 409,
    en: 'This record is no longer active (she left or the record was merged into another). Open the active record.',
    vi: 'Hồ sơ này không còn hiệu lực (hội viên đã ra khỏi Hội hoặc hồ sơ đã được gộp). Hãy mở hồ sơ đang hiệu lực.',
  },
  MEMBER_CURSOR_INVALID: {
    status: 400,
    en: 'The page position (cursor) is not valid for this list. Reload the list from the first page.',
    vi: 'Vị trí trang (cursor) không hợp lệ cho danh sách này. Hãy tải lại danh sách từ trang đầu.',
  },
  BRANCH_NOT_IN_UNIT: {
    status: 400,
    en: 'The branch chosen is not part of this unit. Choose a branch of the unit.',
    vi: 'Chi hội đã chọn không thuộc đơn vị này. Hãy chọn một chi hội của đơn vị.',
  },
  TRANSFER_SAME_UNIT: {
    status: 400,
    en: 'The member is already registered in this unit. Choose another branch or commune to transfer her to.',
    vi: 'Hội viên đã thuộc đơn vị này. Hãy chọn chi hội hoặc xã/phường khác để chuyển đến.',
  },
  TRANSFER_ALREADY_PENDING: {
    status: 409,
    en: 'This member already has a transfer waiting for the receiving unit. Cancel it before proposing another.',
    vi: 'Hội viên đang có một yêu cầu chuyển sinh hoạt chờ đơn vị nhận. Hãy hủy yêu cầu đó trước khi tạo yêu cầu mới.',
  },
  TRANSFER_NOT_FOUND: {
    status: 404,
    en: 'No transfer with this number concerns this unit. Reload the list of transfers.',
    vi: 'Không có yêu cầu chuyển sinh hoạt mang số này liên quan đến đơn vị. Hãy tải lại danh sách.',
  },
  TRANSFER_DECIDED: {
    status: 409,
    en: 'This transfer was already {status}. Reload the list of transfers.',
    vi: 'Yêu cầu chuyển sinh hoạt này đã được xử lý ({status}). Hãy tải lại danh sách.',
  },
  APPLICATION_NOT_FOUND: {
    status: 404,
    en: 'No application with this number was made to this unit. Reload the list of applications.',
    vi: 'Không có đơn xin vào Hội mang số này gửi đơn vị. Hãy tải lại danh sách đơn.',
  },
  APPLICATION_DECIDED: {
    status: 409,
    en: 'This application was already {status}. Reload the list of applications.',
    vi: 'Đơn này đã được xử lý ({status}). Hãy tải lại danh sách đơn.',
  },
  MERGE_INVALID: {
    status: 400,
    en: 'Choose two different active member records of this unit to merge.',
    vi: 'Hãy chọn hai hồ sơ hội viên khác nhau, đang hiệu lực, thuộc đơn vị này để gộp.',
  },
  CARD_NOT_ACTIVE: {
    status: 409,
    en: 'This member has no active card to revoke. Issue a card first.',
    vi: 'Hội viên không có thẻ đang hiệu lực để thu hồi. Hãy cấp thẻ trước.',
  },
  IMPORT_FILE_MISSING: {
    status: 400,
    en: 'Attach one XLSX or CSV file in the form field "file".',
    vi: 'Hãy đính kèm một tệp XLSX hoặc CSV trong trường "file".',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    en: 'The file could not be read as {kind}: {reason}. Save it again from Excel as .xlsx or as CSV (UTF-8) and upload it.',
    vi: 'Không đọc được tệp dạng {kind}: {reason}. Hãy lưu lại từ Excel thành .xlsx hoặc CSV (UTF-8) rồi tải lên.',
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    en: 'The file is larger than {limit} MB or has more than {rows} rows. Split it into smaller files.',
    vi: 'Tệp lớn hơn {limit} MB hoặc có hơn {rows} dòng. Hãy chia thành các tệp nhỏ hơn.',
  },
  IMPORT_NOT_FOUND: {
    status: 404,
    en: 'No uploaded file with this number belongs to this unit. Upload the file again.',
    vi: 'Không có tệp đã tải lên mang số này thuộc đơn vị. Hãy tải tệp lên lại.',
  },
  IMPORT_MAPPING_INVALID: {
    status: 400,
    en: 'The column mapping is incomplete: {missing}. Map a column to each of these fields (or name unknown columns "ignore").',
    vi: 'Chưa ghép đủ cột: {missing}. Hãy ghép mỗi trường này với một cột (cột không dùng thì chọn "bỏ qua").',
  },
  IMPORT_NO_BAD_ROWS: {
    status: 404,
    en: 'This import has no rejected rows (or it was not committed yet).',
    vi: 'Lần nhập này không có dòng bị từ chối (hoặc chưa được thực hiện).',
  },
  TRAINING_NOT_FOUND: {
    status: 404,
    en: 'No training record with this number belongs to this member.',
    vi: 'Không có bản ghi tập huấn mang số này của hội viên.',
  },
  // Contests (api/src/contests).
  CONTEST_NOT_FOUND: {
    status: 404,
    en: 'There is no contest with this number that you can see. Check the link or choose the contest from the list.',
    vi: 'Không có hội thi mang số này trong phạm vi của bạn. Kiểm tra đường dẫn hoặc chọn hội thi trong danh sách.',
  },
  CONTEST_DEFINITION_INVALID: {
    status: 400,
    en: 'The contest definition cannot be used: {problem}. Correct the fields listed in details and save again.',
    vi: 'Chưa lưu được thể lệ hội thi: {problem}. Sửa các mục nêu trong phần chi tiết rồi lưu lại.',
  },
  CONTEST_VERSION_CONFLICT: {
    status: 409,
    en: 'Someone else changed this contest meanwhile. Reload it, check the changes and save again.',
    vi: 'Hội thi vừa được người khác sửa. Tải lại, xem các thay đổi rồi lưu lại.',
  },
  CONTEST_ALREADY_STARTED: {
    status: 409,
    en: 'The contest has started: its definition can no longer change. Ask the organisers for a correction instead.',
    vi: 'Hội thi đã bắt đầu nên không sửa được thể lệ nữa. Hãy đề nghị ban tổ chức điều chỉnh.',
  },
  CONTEST_NOT_ORGANISER: {
    status: 403,
    en: 'Only an organiser whose scope includes {unit} may do this.',
    vi: 'Chỉ ban tổ chức có phạm vi bao gồm {unit} mới làm được việc này.',
  },
  CONTEST_STAGE_NOT_OPEN: {
    status: 409,
    en: 'Stage {stage} has not opened yet (it opens on {date}). Try again from that day.',
    vi: 'Vòng {stage} chưa mở (mở từ ngày {date}). Hãy thực hiện từ ngày đó.',
  },
  CONTEST_DEADLINE_PASSED: {
    status: 409,
    en: 'The deadline of stage {stage} has passed ({date}): entries and scores can no longer change. Ask the organisers if a correction is needed.',
    vi: 'Đã quá hạn của vòng {stage} ({date}): không thể nộp, sửa bài hay chấm điểm nữa. Nếu cần điều chỉnh, hãy liên hệ ban tổ chức.',
  },
  CONTEST_STAGE_CLOSED: {
    status: 409,
    en: 'Stage {stage} is closed and its results are final.',
    vi: 'Vòng {stage} đã kết thúc, kết quả là chính thức.',
  },
  CONTEST_STAGE_STILL_OPEN: {
    status: 409,
    en: 'Stage {stage} can be closed only after its last day ({date}).',
    vi: 'Chỉ kết thúc được vòng {stage} sau ngày cuối cùng của vòng ({date}).',
  },
  CONTEST_PREVIOUS_STAGE_OPEN: {
    status: 409,
    en: 'Close stage {stage} first: stages close in order.',
    vi: 'Hãy kết thúc vòng {stage} trước: các vòng kết thúc theo thứ tự.',
  },
  CONTEST_REASON_REQUIRED: {
    status: 400,
    en: 'A correction needs a reason of at least 10 characters; it is kept in the audit log.',
    vi: 'Điều chỉnh điểm cần ghi lý do (ít nhất 10 ký tự); lý do được lưu vào nhật ký.',
  },
  ENTRY_NOT_FOUND: {
    status: 404,
    en: 'There is no entry with this number in this contest that you can see.',
    vi: 'Không có bài dự thi mang số này trong hội thi, trong phạm vi của bạn.',
  },
  ENTRY_UNIT_INVALID: {
    status: 400,
    en: 'Entries come from a commune or branch inside the contest area ({unit}). Choose such a unit.',
    vi: 'Bài dự thi phải do một xã, phường hoặc chi hội thuộc địa bàn hội thi ({unit}) gửi. Hãy chọn đúng đơn vị.',
  },
  ENTRY_NOT_ELIGIBLE: {
    status: 400,
    en: 'This contest does not accept {what}. Check the eligibility in the rules.',
    vi: 'Hội thi không nhận {what}. Xem lại đối tượng tham gia trong thể lệ.',
  },
  ATTACHMENT_MISSING: {
    status: 400,
    en: 'No file was sent. Send the file as multipart form data in the field "file".',
    vi: 'Chưa có tệp nào được gửi. Hãy gửi tệp trong trường "file" (multipart).',
  },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    en: 'Files of this type are not accepted. Send PDF, Word, PowerPoint, JPEG, PNG or MP4.',
    vi: 'Không nhận loại tệp này. Hãy gửi PDF, Word, PowerPoint, JPEG, PNG hoặc MP4.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    en: 'The file is larger than {limit} MB. Send a smaller file, or a link to the video.',
    vi: 'Tệp lớn hơn {limit} MB. Hãy gửi tệp nhỏ hơn, hoặc gửi đường dẫn tới video.',
  },
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    en: 'There is no such file in this contest.',
    vi: 'Không có tệp này trong hội thi.',
  },
  JUDGE_NOT_FOUND: {
    status: 404,
    en: 'There is no judge account "{username}". Check the username (the account must have the judge role).',
    vi: 'Không có tài khoản giám khảo "{username}". Kiểm tra tên đăng nhập (tài khoản phải có vai trò giám khảo).',
  },
  JURY_UNIT_INVALID: {
    status: 400,
    en: 'A jury of stage {stage} sits at {level} level inside the contest area. Choose such a unit.',
    vi: 'Ban giám khảo của vòng {stage} phải ở cấp {level} trong địa bàn hội thi. Hãy chọn đúng đơn vị.',
  },
  NOT_ON_JURY: {
    status: 403,
    en: 'You are not on a jury that scores this entry at stage {stage}.',
    vi: 'Bạn không thuộc ban giám khảo chấm bài này ở vòng {stage}.',
  },
  ENTRY_NOT_AT_STAGE: {
    status: 409,
    en: 'This entry does not take part in stage {stage}.',
    vi: 'Bài dự thi này không tham gia vòng {stage}.',
  },
  CONFLICT_OF_INTEREST: {
    status: 403,
    en: 'You cannot score this entry: it comes from your own unit ({unit}). Another judge of the jury scores it.',
    vi: 'Bạn không được chấm bài này vì bài của chính đơn vị bạn ({unit}). Giám khảo khác trong ban sẽ chấm.',
  },
  SCORE_INVALID: {
    status: 400,
    en: 'Criterion "{criterion}" takes a score from 0 to {max}. Correct it and send again.',
    vi: 'Tiêu chí "{criterion}" chấm từ 0 đến {max} điểm. Sửa lại rồi gửi.',
  },
  CERTIFICATE_NOT_AWARDED: {
    status: 404,
    en: 'This entry has no award yet, so it has no certificate. Certificates exist once the last stage closes.',
    vi: 'Bài dự thi này chưa đạt giải nên chưa có giấy chứng nhận. Giấy chứng nhận có sau khi vòng cuối kết thúc.',
  },
  VOTE_NOT_OPEN: {
    status: 409,
    en: 'This contest takes no public votes now.',
    vi: 'Hội thi này hiện không nhận bình chọn.',
  },
  VOTER_UNKNOWN: {
    status: 403,
    en: 'The member key and phone number do not match an active member. Check both, as on your member card.',
    vi: 'Mã hội viên và số điện thoại không khớp với hội viên nào đang sinh hoạt. Kiểm tra lại theo thẻ hội viên.',
  },
  VOTE_ALREADY_CAST: {
    status: 409,
    en: 'This member has already voted in this contest: one vote per member.',
    vi: 'Hội viên này đã bình chọn trong hội thi: mỗi hội viên chỉ được bình chọn một lần.',
  },
  VOTE_LIMIT: {
    status: 429,
    en: 'Too many votes from this connection. Try again in an hour.',
    vi: 'Có quá nhiều lượt bình chọn từ cùng một kết nối. Hãy thử lại sau một giờ.',
  },
  VOTE_RESULTS_HIDDEN: {
    status: 409,
    en: 'Vote results are shown after the vote closes.',
    vi: 'Kết quả bình chọn được công bố sau khi kết thúc bình chọn.',
  },
  CONTEST_JURY_CLOSED: {
    status: 409,
    en: 'The jury of {unit} has closed this stage: its ranking is final and its scores can no longer change.',
    vi: 'Ban giám khảo {unit} đã kết thúc vòng này: kết quả là chính thức, không sửa điểm được nữa.',
  },
  CONTEST_JURY_EMPTY: {
    status: 404,
    en: 'This jury has no entries at stage {stage}. Pick the unit whose entries it scores.',
    vi: 'Ban giám khảo này không có bài dự thi ở vòng {stage}. Chọn đúng đơn vị có bài được chấm.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** A stable error code of {@link ERRORS}. */
export type ErrorCode = keyof typeof ERRORS;

/** Values for a message's `{name}` placeholders. */
export type ErrorParams = Readonly<Record<string, string | number>>;

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The one error class the API throws; the error handler turns it into `{ error: { code, … } }`. */
export class ApiError extends Error {
  /** Stable code from {@link ERRORS}. */
  readonly code: ErrorCode;
  /** HTTP status of the code. */
  readonly statusCode: number;
  /** The Vietnamese message. */
  readonly messageVi: string;
  /** Machine-readable details (field issues, unlock time…), never personal data. */
  readonly details: unknown;

  /** @param code the code; @param params placeholder values; @param details extra data for clients. */
  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    const spec: ErrorSpec = ERRORS[code];
    super(fill(spec.en, params));
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = spec.status;
    this.messageVi = fill(spec.vi, params);
    this.details = details;
  }
}

/**
 * Makes the API error of a code.
 *
 * @example throw apiError('ACCOUNT_LOCKED', { until: '2025-07-01T08:15:00Z' }, { lockedUntil: '…' })
 */
export function apiError(code: ErrorCode, params?: ErrorParams, details?: unknown): ApiError {
  return new ApiError(code, params, details);
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    message_vi: string;
    requestId: string;
    details?: unknown;
  };
}

/** The response body for an {@link ApiError} in a request. */
export function errorBody(error: ApiError, requestId: string): ErrorBody {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, message_vi: error.messageVi, requestId },
  };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}
