/**
 * The card token in a scanned QR payload: the payload may be the verification link
 * (`…/members/verify?token=…`) or the bare token. `null` for an empty payload.
 *
 * @example tokenOf('https://console.example/members/verify?token=VWC1.abc.def') // 'VWC1.abc.def'
 * @example tokenOf(' VWC1.abc.def ') // 'VWC1.abc.def'
 */
export function tokenOf(payload: string): string | null {
  const text = payload.trim();
  if (text === '') return null;
  if (/^https?:\/\//i.test(text)) {
    try {
      return new URL(text).searchParams.get('token') ?? text;
    } catch {
      return text;
    }
  }
  return text;
}
