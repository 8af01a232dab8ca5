import { relabelContent, type LabelSymbology, type RelabelContent } from '../../shared/labels';
import {
  documentValidator,
  type LabelOutput,
  type LabelPrint,
  type RecallNotice,
  type RelabelReason,
} from '../../shared/model';
import { authorize } from '../../shared/permissions';
import { decideScan } from '../../shared/recall/scan-decision';
import { randomId } from '../platform/random-id';
import type { StockroomDatabase } from './collections';
import { writerIdentities } from './writer-identity';

export interface LabelPrintInput {
  itemId: string;
  lotCode: string;
  expiry?: string | undefined;
  serial?: string | undefined;
  symbology: LabelSymbology;
  output: LabelOutput;
  printer?: string | undefined;
  copies: number;
  reason: RelabelReason;
}

export interface LabelPrintContext {
  facilityId: string;
  deviceId: string;
  actorId: string;
  now: () => Date;
  today: string;
  notices: readonly RecallNotice[];
}

export type LabelPrintResult =
  | { ok: true; value: { print: LabelPrint; content: RelabelContent } }
  | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): LabelPrintResult => ({ ok: false, code, message });

/**
 * What the ledger says of a lot here: whether it was ever on the books, and the expiry it arrived
 * with. A replacement label copies those; it never brings in a lot or a date of its own.
 */
async function booksOf(
  db: StockroomDatabase,
  itemId: string,
  lotCode: string,
): Promise<{ known: boolean; expiry?: string }> {
  const rows = await db.balances.find({ selector: { itemId, lotCode } }).exec();
  const expiry = rows.map((r) => r.get('expiry') as string | undefined).find(Boolean);
  return { known: rows.length > 0, ...(expiry ? { expiry } : {}) };
}

/**
 * Prints a replacement label and records it. Everything is checked here, not on the screen: who
 * prints, that the item and its GTIN are known, that the lot is on the books here with that expiry,
 * that GS1 can carry them, and that the unit is not recalled, expired or a misread lot (a label must never launder one back into use).
 * `deliver` sends the label to the print dialog, a file or a printer; the record is written only
 * once it has, so every label that left this PC is on the record and nothing else is.
 */
export async function printLabelAs(
  db: StockroomDatabase,
  context: LabelPrintContext,
  input: LabelPrintInput,
  deliver: (content: RelabelContent) => Promise<void>,
): Promise<LabelPrintResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) {
    const first = who.problems[0];
    return refuse(first?.code ?? 'REFUSED', first?.message ?? 'Refused.');
  }
  const allowed = authorize('label.print', { actor: who.actor });
  if (!allowed.ok) return refuse(allowed.error.code, allowed.error.message);
  const item = (await db.items.findOne(input.itemId).exec())?.toMutableJSON();
  if (!item) {
    return refuse(
      'ITEM_UNKNOWN',
      `Item ${input.itemId} is not in the item master here. Scan or search for the item again.`,
    );
  }
  const books = await booksOf(db, item.id, input.lotCode);
  if (!books.known) {
    return refuse(
      'LABEL_LOT_NOT_HERE',
      `Lot ${input.lotCode || '(no lot)'} of ${item.name} is not on the books here. A label can only be printed for stock this stockroom holds: receive it first, or choose the lot from those on the books.`,
    );
  }
  if (books.expiry && input.expiry !== books.expiry) {
    return refuse(
      'LABEL_EXPIRY_NOT_BOOKS',
      `Lot ${input.lotCode} of ${item.name} expires ${books.expiry} on the books, not ${input.expiry ?? 'never'}. A label carries the expiry the lot arrived with; check the unit and choose the lot again.`,
    );
  }
  const gtin = item.gtins[0] ?? '';
  const made = relabelContent(
    { gtin, lotCode: input.lotCode, expiry: input.expiry, serial: input.serial },
    input.symbology,
  );
  if (!made.ok) return refuse(made.code, made.message);
  const decision = decideScan(
    {
      item,
      lotCode: input.lotCode,
      ...(input.serial ? { serial: input.serial } : {}),
      ...(input.expiry ? { expiry: input.expiry } : {}),
      today: context.today,
      notices: context.notices,
      // Where the unit sits does not matter to its label; what it is does.
      quarantined: false,
    },
    'issue',
  );
  if (!decision.allowed) {
    const reasons = decision.reasons.map((r) => r.message).join(' ');
    return refuse(
      'LABEL_UNIT_BLOCKED',
      `No label: this unit must not be used. ${reasons} A new label would hide that.`,
    );
  }
  const print: LabelPrint = {
    id: randomId('LBL'),
    facilityId: context.facilityId,
    deviceId: context.deviceId,
    actorId: who.actor.id,
    itemId: item.id,
    gtin,
    lotCode: input.lotCode,
    ...(input.expiry ? { expiry: input.expiry } : {}),
    ...(input.serial ? { serial: input.serial } : {}),
    symbology: input.symbology,
    output: input.output,
    ...(input.output === 'zpl-network' && input.printer ? { printer: input.printer } : {}),
    copies: input.copies,
    reason: input.reason,
    occurredAt: context.now().toISOString(),
  };
  const valid = documentValidator('label_prints').validate(print);
  if (!valid.ok) {
    const first = valid.errors[0];
    return refuse(
      'LABEL_INVALID',
      `Cannot print: ${first?.field ?? 'label'} — ${first?.message ?? 'invalid'}. Correct it and try again.`,
    );
  }
  try {
    await deliver(made.content);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse('LABEL_NOT_DELIVERED', `The label was not printed: ${message}`);
  }
  await db.label_prints.insert(print);
  return { ok: true, value: { print, content: made.content } };
}
