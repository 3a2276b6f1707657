import type { Localized } from '@vwu/context';
import type {
  AgeBandName,
  ApplicationSourceName,
  CardStatusName,
  ImportFieldName,
  MemberRoleName,
  TrainingTopicName,
  TransferStatusName,
} from '../api/wire.js';

/** Roles of a member in the Union. */
export const ROLE_TEXT: Record<MemberRoleName, Localized> = {
  member: { vi: 'Hội viên', en: 'Member' },
  branch_head: { vi: 'Chi hội trưởng', en: 'Branch head' },
  cadre: { vi: 'Cán bộ hội', en: 'Union cadre' },
};

/** Smart member card states. */
export const CARD_TEXT: Record<CardStatusName, Localized> = {
  none: { vi: 'Chưa cấp thẻ', en: 'No card' },
  active: { vi: 'Thẻ đang dùng', en: 'Active card' },
  revoked: { vi: 'Thẻ đã thu hồi', en: 'Card revoked' },
};

/** Age bands of the filter. */
export const AGE_TEXT: Record<AgeBandName, Localized> = {
  under_30: { vi: 'Dưới 30 tuổi', en: 'Under 30' },
  '30_44': { vi: '30–44 tuổi', en: '30–44' },
  '45_59': { vi: '45–59 tuổi', en: '45–59' },
  '60_plus': { vi: 'Từ 60 tuổi', en: '60 and over' },
};

/** Training topics. */
export const TOPIC_TEXT: Record<TrainingTopicName, Localized> = {
  digital_skills: { vi: 'Kỹ năng số', en: 'Digital skills' },
  e_commerce: { vi: 'Thương mại điện tử', en: 'E-commerce' },
  online_public_services: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  it_for_cadres: { vi: 'Ứng dụng CNTT cho cán bộ', en: 'IT for cadres' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Where an application came from. */
export const SOURCE_TEXT: Record<ApplicationSourceName, Localized> = {
  online_group: { vi: 'Nhóm trực tuyến', en: 'Online group' },
  non_member: { vi: 'Người chưa là hội viên', en: 'Non-member' },
  walk_in: { vi: 'Đăng ký trực tiếp', en: 'In person' },
};

/** Transfer states. */
export const TRANSFER_TEXT: Record<TransferStatusName, Localized> = {
  pending: { vi: 'Chờ tiếp nhận', en: 'Waiting' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Member fields an import column can fill. */
export const FIELD_TEXT: Record<ImportFieldName, Localized> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  education: { vi: 'Trình độ học vấn', en: 'Education' },
  joinedOn: { vi: 'Ngày vào hội', en: 'Joined on' },
  branch: { vi: 'Chi hội', en: 'Branch' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  honorary: { vi: 'Hội viên danh dự', en: 'Honorary member' },
  ignore: { vi: '— Bỏ qua cột này —', en: '— Skip this column —' },
};

/** Ethnic groups offered first in pickers (the registry accepts any of the 54). */
export const COMMON_ETHNICITIES = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Chăm',
  'Sán Chay',
  'Cơ Ho',
  'Xơ Đăng',
] as const;
