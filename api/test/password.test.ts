// scrypt password hashes (parameters inside the hash, per-user salt, NFC) and the password policy.
import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS, hashPassword, needsRehash, passwordProblems, verifyPassword } from '../src/index.js';

const FAST = { logN: 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('uses scrypt N=2^15, r=8, p=1 or stronger by default, encoded in the hash', async () => {
    expect(SCRYPT_PARAMS.logN).toBeGreaterThanOrEqual(15);
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password here', FAST)).not.toBe(
      await hashPassword('same password here', FAST),
    );
  });

  it('matches Vietnamese typed composed or with combining marks', async () => {
    const hash = await hashPassword('Hội Liên hiệp Phụ nữ', FAST);
    expect(await verifyPassword('Hội Liên hiệp Phụ nữ'.normalize('NFD'), hash)).toBe(true);
  });

  it.each([
    '',
    'plain',
    '$scrypt$ln=99,r=8,p=1$AAAA$AAAA',
    '$argon2id$v=19$m=65536$abc$def',
    '$scrypt$ln=15,r=8,p=1$AAAA$',
  ])('never matches a malformed hash %j', async (hash) => {
    expect(await verifyPassword('anything', hash)).toBe(false);
  });

  it('asks for a rehash when the parameters are weaker than today', async () => {
    expect(needsRehash(await hashPassword('x', FAST))).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('passwordProblems', () => {
  it.each([
    { password: 'Hoa sen nở giữa đầm 2025', problems: [] },
    { password: 'short', problems: ['too_short'] },
    { password: 'x'.repeat(129), problems: ['too_long', 'common'] },
    { password: 'leader.tayninh-2025!', problems: ['contains_username'] },
    { password: 'my tayninh passphrase', problems: ['contains_username'] },
    { password: 'Password123456!', problems: ['common'] },
    { password: 'Mật khẩu 12345678', problems: ['common'] },
    { password: '000000000000', problems: ['common'] },
    { password: 'aaaaaaaaaaaaaa', problems: ['common'] },
    {
      password: 'the current one is long',
      current: 'the current one is long',
      problems: ['same_as_current'],
    },
  ])('$password → $problems', ({ password, current, problems }) => {
    expect(
      passwordProblems(password, {
        username: 'leader.tayninh',
        ...(current === undefined ? {} : { current }),
      }),
    ).toEqual(problems);
  });
});
