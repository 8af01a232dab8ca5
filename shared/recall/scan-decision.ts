import { normaliseLotCode, type RecallClass, type RecallNotice } from '../model';
import {
  compileNotice,
  matchNotice,
  type CompiledNotice,
  type MatchBasis,
  type ProductIdentity,
  type UnitDetail,
} from './notice-match';
import { bySeverity } from './recalled-lot-index';
import { lotRunOnFindings, type LotRunOn } from './lot-run-on';
import type { SimilarLot, SimilarityKind } from './similar-lot';

/**
 * What a scan may do with a unit. Issue is the hard stop (DOMAIN.md §2, §4). A transfer of a
 * recalled or quarantined unit is stopped too — it goes into quarantine where it is — but an expired
 * unit may move (to waste or quarantine). Receiving is never stopped: the delivery is physically
 * here and must be on the books; recalled or expired units are flagged to go straight into
 * quarantine instead.
 *
 * Reasons are ordered most serious first: recalls (class I, II, III), then expiry, then an existing
 * quarantine. A recall leads because it asks for the most: quarantine and a report to the source.
 * Open notices block from the moment the PC knows them, whatever their `effectiveAt`.
 */
export type ScanIntent = 'issue' | 'transfer' | 'receive';

export interface ScanInput {
  item: ProductIdentity;
  lotCode: string;
  serial?: string;
  expiry?: string;
  /** Product codes read from this label, matched besides the item's own. */
  gtin?: string;
  hibccCode?: string;
  /** The facility's calendar date, YYYY-MM-DD. */
  today: string;
  notices: readonly (RecallNotice | CompiledNotice)[];
  /** The caller's reading of the balance: this unit is held in quarantine where it was scanned. */
  quarantined: boolean;
  quarantineReason?: string;
  /**
   * The lot read from a GS1 element string, split where the rest reads as further AIs (a scanner
   * that dropped its separator), with the lots of this item the facility knows. Absent for forms
   * whose fields cannot run on (Digital Link, human-readable, HIBCC).
   */
  lotRunOn?: LotRunOn;
}

export type ScanReason =
  | {
      code: 'RECALLED';
      noticeId: string;
      number: string;
      class: RecallClass;
      basis: MatchBasis[];
      message: string;
    }
  | {
      code: 'LOT_RUN_ON';
      /** The lot the label most probably carries. */
      probableLot: string;
      /** Set when that lot is recalled. */
      noticeId?: string;
      number?: string;
      class?: RecallClass;
      message: string;
    }
  | { code: 'EXPIRED'; expiry: string; message: string }
  | { code: 'QUARANTINED'; quarantineReason?: string; message: string };

export type ScanWarning =
  | {
      code: 'RECALL_CHECK';
      noticeId: string;
      number: string;
      class: RecallClass;
      missing: UnitDetail[];
      message: string;
    }
  | {
      code: 'SIMILAR_RECALLED_LOT';
      noticeId: string;
      number: string;
      class: RecallClass;
      similarTo: SimilarLot[];
      message: string;
    }
  | { code: 'LOT_SUSPECT'; message: string };

export type ScanDecision =
  | {
      allowed: true;
      intent: ScanIntent;
      /** Receiving only: put these units straight into quarantine. */
      directToQuarantine: boolean;
      reasons: ScanReason[];
      warnings: ScanWarning[];
    }
  | { allowed: false; intent: ScanIntent; reasons: ScanReason[]; warnings: ScanWarning[] };

const BLOCKING: Readonly<Record<ScanIntent, ReadonlySet<ScanReason['code']>>> = {
  issue: new Set(['RECALLED', 'LOT_RUN_ON', 'EXPIRED', 'QUARANTINED']),
  transfer: new Set(['RECALLED', 'LOT_RUN_ON', 'QUARANTINED']),
  // A lot misread by the scanner would put a phantom lot on the books, recalled or not.
  receive: new Set(['LOT_RUN_ON']),
};

const DETAIL_WORDS: Readonly<Record<UnitDetail, string>> = {
  lot: 'lot',
  serial: 'serial number',
  expiry: 'expiry date',
};
const KIND_WORDS: Readonly<Record<SimilarityKind, string>> = {
  case: 'letter case differs',
  'leading-zeros': 'leading zeros differ',
  'one-character': 'one character differs',
};

function unitWords(lot: string, serial: string | undefined, basis: MatchBasis[]): string {
  if (basis.includes('all-lots'))
    return lot ? `product (every lot; this is lot ${lot})` : 'product (every lot)';
  if (basis.includes('serial') && !basis.includes('lot') && !basis.includes('lot-range')) {
    return lot ? `serial ${serial} (lot ${lot})` : `serial ${serial}`;
  }
  return `lot ${lot}`;
}

function recallMessage(
  intent: ScanIntent,
  unit: string,
  n: { number: string; class: RecallClass },
) {
  const what = `recalled ${unit} — notice ${n.number}, class ${n.class}.`;
  return intent === 'receive'
    ? `Flagged: ${what} Receive it straight into quarantine.`
    : `Blocked: ${what} Put it in quarantine.`;
}

/** `lotWords` starts lower-case; only its first letter is ever raised, never the lot code. */
function expiredMessage(intent: ScanIntent, lotWords: string, expiry: string): string {
  if (intent === 'receive') {
    return `Flagged: ${lotWords} expired on ${expiry}. Refuse it, or receive it straight into quarantine.`;
  }
  if (intent === 'transfer') {
    return `Note: ${lotWords} expired on ${expiry}. Move it only to waste or quarantine.`;
  }
  return `Blocked: ${lotWords} expired on ${expiry}. Do not issue it; set it aside for waste.`;
}

export function decideScan(input: ScanInput, intent: ScanIntent): ScanDecision {
  const lot = normaliseLotCode(input.lotCode);
  const lotWords = lot ? `lot ${lot}` : 'this unit (no lot)';
  const recalls: ScanReason[] = [];
  const checks: ScanWarning[] = [];
  const lookalikes: ScanWarning[] = [];

  for (const candidate of input.notices) {
    const compiled = 'notice' in candidate ? candidate : compileNotice(candidate);
    const { id: noticeId, number, class: cls } = compiled.notice;
    const verdict = matchNotice(compiled, { ...input, lotCode: lot });
    if (verdict.kind === 'match') {
      const unit = unitWords(lot, input.serial?.trim(), verdict.basis);
      const message = recallMessage(intent, unit, { number, class: cls });
      recalls.push({
        code: 'RECALLED',
        noticeId,
        number,
        class: cls,
        basis: verdict.basis,
        message,
      });
      continue;
    }
    if (verdict.kind === 'cannot-tell') {
      const message =
        verdict.reason === 'notice-names-no-units'
          ? `Check first: notice ${number} (class ${cls}) covers this product but names no lots, serials or dates. Ask a supervisor before you go on.`
          : `Check the label: notice ${number} (class ${cls}) recalls some units of this product, and this scan has no ${verdict.missing.map((m) => DETAIL_WORDS[m]).join(' or ')}. Enter it before you go on.`;
      checks.push({
        code: 'RECALL_CHECK',
        noticeId,
        number,
        class: cls,
        missing: verdict.missing,
        message,
      });
    }
    if (verdict.similar.length > 0) {
      const looks = verdict.similar
        .map((s) => `${s.noticeLotCode} (${s.kinds.map((k) => KIND_WORDS[k]).join(', ')})`)
        .join('; ');
      const message = `Lot ${lot} is not on notice ${number} (class ${cls}) but looks like recalled lot ${looks}. Compare the label with the notice before you go on.`;
      lookalikes.push({
        code: 'SIMILAR_RECALLED_LOT',
        noticeId,
        number,
        class: cls,
        similarTo: verdict.similar,
        message,
      });
    }
  }

  const runOn = input.lotRunOn
    ? lotRunOnFindings(input.lotRunOn, lot, input, input.notices)
    : { reasons: [], warnings: [] };
  const reasons: ScanReason[] = [...runOn.reasons, ...recalls.sort(bySeverityOf)];
  const expiry = input.expiry?.trim();
  if (expiry && expiry < input.today) {
    reasons.push({ code: 'EXPIRED', expiry, message: expiredMessage(intent, lotWords, expiry) });
  }
  if (input.quarantined && intent !== 'receive') {
    const why = input.quarantineReason ? ` (reason: ${input.quarantineReason})` : '';
    reasons.push({
      code: 'QUARANTINED',
      ...(input.quarantineReason ? { quarantineReason: input.quarantineReason } : {}),
      message: `Blocked: ${lotWords} is in quarantine here${why}. Leave it in the quarantine area; it can be counted, returned or destroyed, not ${intent === 'issue' ? 'issued' : 'moved'}.`,
    });
  }
  const warnings = [
    ...runOn.warnings,
    ...checks.sort(bySeverityOf),
    ...lookalikes.sort(bySeverityOf),
  ];

  const blocked = reasons.some((r) => BLOCKING[intent].has(r.code));
  if (blocked) return { allowed: false, intent, reasons, warnings };
  const directToQuarantine = intent === 'receive' && reasons.length > 0;
  return { allowed: true, intent, directToQuarantine, reasons, warnings };
}

function bySeverityOf(a: ScanReason | ScanWarning, b: ScanReason | ScanWarning): number {
  return 'class' in a && 'class' in b && a.class && b.class
    ? bySeverity(
        { class: a.class, number: a.number ?? '' },
        { class: b.class, number: b.number ?? '' },
      )
    : 0;
}

export const decideIssue = (input: ScanInput): ScanDecision => decideScan(input, 'issue');
export const decideTransfer = (input: ScanInput): ScanDecision => decideScan(input, 'transfer');
export const decideReceive = (input: ScanInput): ScanDecision => decideScan(input, 'receive');
