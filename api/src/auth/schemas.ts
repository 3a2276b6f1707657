import { Type } from 'typebox';
import { ROLES } from '../access/rules.js';
import { PASSWORD_LENGTH } from './policy.js';
import { REFRESH_TOKEN_PATTERN } from './sessions.js';

/** `POST /auth/login` body. */
export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, examples: ['leader.tayninh'] }),
    password: Type.String({ minLength: 1, maxLength: 1024, examples: ['not-the-password'] }),
  },
  { additionalProperties: false, examples: [{ username: 'example.user', password: 'not-the-password' }] },
);

/** Body of `POST /auth/refresh` and `POST /auth/logout`: the token, unless the cookie carries it. */
export const RefreshBody = Type.Object(
  { refreshToken: Type.Optional(Type.String({ pattern: REFRESH_TOKEN_PATTERN })) },
  { additionalProperties: false, examples: [{ refreshToken: 'A'.repeat(43) }] },
);

/** `POST /auth/password` body. */
export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: `${PASSWORD_LENGTH.min}–${PASSWORD_LENGTH.max} characters`,
    }),
  },
  {
    additionalProperties: false,
    examples: [{ currentPassword: 'not-the-password', newPassword: 'another-long-passphrase' }],
  },
);

/** The signed-in user as the console shows it. */
export const UserInfo = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.Enum(ROLES),
    scope: Type.Object({
      key: Type.String({ examples: ['2025:80'] }),
      name: Type.String(),
      level: Type.String(),
    }),
  },
  { title: 'UserInfo' },
);

/** Answer of login, refresh and password change: a new access token and refresh token. */
export const Session = Type.Object(
  {
    tokenType: Type.Literal('Bearer'),
    accessToken: Type.String(),
    accessTokenExpiresAt: Type.String({ format: 'date-time' }),
    refreshToken: Type.String({ description: 'Also set as the httpOnly cookie vwu_refresh (path /auth)' }),
    refreshTokenExpiresAt: Type.String({ format: 'date-time' }),
    user: UserInfo,
  },
  { title: 'Session' },
);

/** `GET /auth/me` answer. */
export const Me = Type.Object({ user: UserInfo }, { title: 'Me' });
