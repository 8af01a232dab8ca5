import Type, { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import {
  DEVICE_TOKEN_MAX_LENGTH,
  ENDPOINT_ADDRESS_MAX_LENGTH,
  EXTERNAL_URL_MAX_LENGTH,
  PRINTER_ADDRESS_MAX_LENGTH,
  ZPL_MAX_LENGTH,
  type DesktopBridge,
  type DesktopBridgeMethod,
} from '../../shared/platform/desktop-bridge';

/**
 * The argument list each bridge method accepts, as a tuple schema: a call with one argument too
 * many is as wrong as one with a wrong type. Checked against the bridge type below, so the two can
 * never drift apart.
 */
export const BRIDGE_ARGUMENTS = {
  getDatabaseKey: Type.Tuple([]),
  getDeviceId: Type.Tuple([]),
  getDeviceToken: Type.Tuple([]),
  // Printable ASCII only: tokens are opaque, but a control character in one is an attack or a bug.
  setDeviceToken: Type.Tuple([
    Type.String({ minLength: 1, maxLength: DEVICE_TOKEN_MAX_LENGTH, pattern: '^[\\x21-\\x7e]+$' }),
  ]),
  clearDeviceToken: Type.Tuple([]),
  getSecureStorageStatus: Type.Tuple([]),
  openExternal: Type.Tuple([Type.String({ minLength: 1, maxLength: EXTERNAL_URL_MAX_LENGTH })]),
  setEnrolledEndpoint: Type.Tuple([
    Type.Union([
      Type.String({ minLength: 1, maxLength: ENDPOINT_ADDRESS_MAX_LENGTH }),
      Type.Null(),
    ]),
  ]),
  sendToLabelPrinter: Type.Tuple([
    Type.String({ minLength: 1, maxLength: PRINTER_ADDRESS_MAX_LENGTH }),
    // ZPL is printable text and newlines; control characters would be printer commands of their own.
    Type.String({
      minLength: 1,
      maxLength: ZPL_MAX_LENGTH,
      pattern: '^[\\x20-\\x7e\\n\\u00a0-\\uffff]+$',
    }),
  ]),
} as const satisfies Record<DesktopBridgeMethod, TSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fails to compile when a schema and the bridge's parameter list disagree.
const argumentsMatchBridge: {
  [K in DesktopBridgeMethod]: Same<
    Static<(typeof BRIDGE_ARGUMENTS)[K]>,
    Parameters<DesktopBridge[K]>
  >;
} = {
  getDatabaseKey: true,
  getDeviceId: true,
  getDeviceToken: true,
  setDeviceToken: true,
  clearDeviceToken: true,
  getSecureStorageStatus: true,
  openExternal: true,
  setEnrolledEndpoint: true,
  sendToLabelPrinter: true,
};
void argumentsMatchBridge;

export interface ArgumentCheck {
  check(args: unknown): boolean;
}

const compiled = new Map<DesktopBridgeMethod, ArgumentCheck>();

export function argumentCheck(method: DesktopBridgeMethod): ArgumentCheck {
  let check = compiled.get(method);
  if (!check) {
    const validator = Compile(BRIDGE_ARGUMENTS[method]);
    check = { check: (args) => validator.Check(args) };
    compiled.set(method, check);
  }
  return check;
}
