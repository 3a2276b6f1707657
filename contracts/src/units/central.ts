/** Code of the central office, the root of each structure. */
export const CENTRAL_CODE = 'TW';

/** Name of the central office. */
export const CENTRAL_NAME = 'Trung ương Hội LHPN Việt Nam';

/** Administrative type of the central office. */
export const CENTRAL_TYPE = 'Trung ương';
