/**
 * What the console's enrolment QR code holds: the endpoint's address and the one-time code, so
 * the stockroom app's connection screen can fill both from one scan. JSON with a marker field,
 * so a QR code of anything else is told apart; parsed here once for both ends.
 */
export interface EnrolmentInvite {
  endpoint: string;
  code: string;
}

export function enrolmentQrText(invite: EnrolmentInvite): string {
  return JSON.stringify({ stockroomEnrolment: 1, endpoint: invite.endpoint, code: invite.code });
}

/**
 * The invite in what a scanner or the camera read; a leading AIM symbology identifier (]Q1 for a
 * QR code) is dropped, since a scanner configured to send one puts it in front of the text.
 */
export function parseEnrolmentQr(text: string): EnrolmentInvite | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\][A-Za-z][0-9A-Za-z]/, ''));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { stockroomEnrolment, endpoint, code } = value as Record<string, unknown>;
  if (stockroomEnrolment !== 1 || typeof endpoint !== 'string' || typeof code !== 'string') {
    return undefined;
  }
  if (!/^https?:\/\/[^\s/]+/.test(endpoint) || !/^enr_[A-Za-z0-9_-]{20,100}$/.test(code)) {
    return undefined;
  }
  return { endpoint, code };
}
