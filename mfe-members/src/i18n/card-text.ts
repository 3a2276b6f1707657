import type { Localized } from '@vwu/context';

/** Texts of the card verification page. */
export const VERIFY_TEXT = {
  heading: { vi: 'Kiểm tra thẻ hội viên', en: 'Verify a member card' },
  lead: {
    vi: 'Quét mã QR trên thẻ bằng máy quét (nội dung sẽ tự điền vào ô dưới) hoặc dán nội dung mã, rồi nhấn Kiểm tra. Kết quả không hiển thị thông tin cá nhân.',
    en: 'Scan the card’s QR code with a scanner (it fills the box below) or paste its content, then press Verify. The answer shows no personal data.',
  },
  payload: { vi: 'Nội dung mã QR', en: 'QR code content' },
  check: { vi: 'Kiểm tra', en: 'Verify' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  empty: { vi: 'Quét hoặc dán nội dung mã QR trước.', en: 'Scan or paste the QR content first.' },
  valid: { vi: 'Thẻ hợp lệ', en: 'Valid card' },
  validLead: {
    vi: 'Thẻ do Hội LHPN Việt Nam cấp và đang có hiệu lực.',
    en: 'Issued by the Women’s Union and in force.',
  },
  revoked: { vi: 'Thẻ đã bị thu hồi', en: 'Card revoked' },
  revokedLead: {
    vi: 'Thẻ này không còn hiệu lực. Đề nghị hội viên liên hệ chi hội để được cấp lại.',
    en: 'This card is no longer valid. The member should ask her branch for a new one.',
  },
  unknown: { vi: 'Không nhận ra thẻ', en: 'Unknown card' },
  unknownLead: {
    vi: 'Mã này không phải thẻ do hệ thống cấp, hoặc đã bị sửa. Kiểm tra lại mã đã quét.',
    en: 'This code was not issued by the system, or it was altered. Check the scanned code.',
  },
  issuedAt: { vi: 'Ngày cấp: {date}', en: 'Issued on {date}' },
  checkedAt: { vi: 'Kiểm tra lúc {time}', en: 'Checked at {time}' },
  failed: { vi: 'Chưa kiểm tra được thẻ', en: 'The card could not be checked' },
} as const satisfies Record<string, Localized>;
