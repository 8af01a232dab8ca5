import Type from 'typebox';
import { FacilityId, Id, IsoDateTime, Quantity, StringEnum, Text, SafeName } from './primitives';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'approved',
  'ordered',
  'picking',
  'shipped',
  'received',
  'rejected',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_KINDS = ['replenishment', 'urgent', 'two-bin'] as const;
/** FHIR SupplyRequest priority codes. */
export const REQUEST_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export const RequestLineSchema = Type.Object(
  {
    itemId: Id('Item identifier'),
    quantity: Quantity(),
    note: Type.Optional(Text(500, 'Why this quantity (the suggestion explanation)')),
  },
  { additionalProperties: false },
);
export type RequestLine = Type.Static<typeof RequestLineSchema>;

/** Quantities moved by one shipment or receipt: a partial step names only what it moved. */
export const StepLineSchema = Type.Object(
  { itemId: Id('Item identifier (a line of the request)'), quantity: Quantity() },
  { additionalProperties: false },
);
export type StepLine = Type.Static<typeof StepLineSchema>;

export const RequestHistoryEntrySchema = Type.Object(
  {
    status: StringEnum(REQUEST_STATUSES),
    at: IsoDateTime(),
    by: SafeName({
      minLength: 1,
      // An API key's name may be 200 characters; the ERP user adds up to 40.
      maxLength: 250,
      description: 'User id, or "erp:<key name>:<ERP user>" for a step the ERP took',
    }),
    note: Type.Optional(Text(1000, 'Comment; the reason of a cancellation or rejection')),
    lines: Type.Optional(
      Type.Array(StepLineSchema, {
        minItems: 1,
        maxItems: 500,
        description: 'Shipped or received: the quantities of this (possibly partial) step',
      }),
    ),
    policyVersion: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        description: 'Acknowledged, approved or rejected: the approval policy version applied',
      }),
    ),
    levels: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2,
        description: 'Acknowledged: how many approval levels that policy version demands',
      }),
    ),
    level: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2, description: 'Approved: which approval level' }),
    ),
  },
  { additionalProperties: false },
);
export type RequestHistoryEntry = Type.Static<typeof RequestHistoryEntrySchema>;

export const SUBSTITUTION_OUTCOMES = ['accepted', 'refused'] as const;
export type SubstitutionOutcome = (typeof SUBSTITUTION_OUTCOMES)[number];
/** What a refusal does to the line: it keeps waiting for the item asked for, or is cancelled. */
export const REFUSAL_ACTIONS = ['wait', 'cancel-line'] as const;
export type RefusalAction = (typeof REFUSAL_ACTIONS)[number];

export const SubstitutionDecisionSchema = Type.Object(
  {
    outcome: StringEnum(SUBSTITUTION_OUTCOMES),
    at: IsoDateTime(),
    by: Id('User who decided (a nurse manager of the requesting ward, or a supervisor)'),
    note: Text(1000, 'The clinical note: why the substitute is or is not acceptable'),
    refusal: Type.Optional(StringEnum(REFUSAL_ACTIONS)),
  },
  { additionalProperties: false },
);
export type SubstitutionDecision = Type.Static<typeof SubstitutionDecisionSchema>;

/**
 * A substitute the centre proposes for a line it cannot fill (backordered, unavailable). The
 * centre owns the proposal; the requesting ward owns the decision (shared/replenishment
 * substitution.ts).
 */
export const SubstitutionSchema = Type.Object(
  {
    id: Id('Proposal identifier, unique within the request'),
    lineItemId: Id('The request line it would replace'),
    itemId: Id('The substitute item'),
    quantity: Quantity('Units of the substitute that would fill the line'),
    reason: Text(1000, 'Why the line cannot be filled as asked, and why this substitute'),
    proposedAt: IsoDateTime(),
    proposedBy: SafeName({
      minLength: 1,
      maxLength: 250,
      description: '"console:<user>" or "erp:<key name>:<ERP user>"',
    }),
    decision: Type.Optional(SubstitutionDecisionSchema),
  },
  { additionalProperties: false },
);
export type Substitution = Type.Static<typeof SubstitutionSchema>;

/**
 * A replenishment, two-bin or urgent request. The facility owns the lines while it is a draft;
 * the centre owns the status once it is submitted. shared/replenishment merges two versions.
 */
export const SupplyRequestSchema = Type.Object(
  {
    id: Id('Request identifier'),
    facilityId: FacilityId,
    kind: StringEnum(REQUEST_KINDS),
    priority: StringEnum(REQUEST_PRIORITIES),
    locationId: Id('Where the supplies are needed'),
    neededBy: Type.Optional(IsoDateTime('When they are needed')),
    reason: Type.Optional(Text(1000, 'Why (required for urgent requests)')),
    lines: Type.Array(RequestLineSchema, { minItems: 1, maxItems: 500 }),
    status: StringEnum(REQUEST_STATUSES),
    history: Type.Array(RequestHistoryEntrySchema, { maxItems: 500 }),
    createdBy: Id('User who raised it'),
    createdAt: IsoDateTime(),
    editedAt: Type.Optional(
      IsoDateTime(
        'When the facility last changed lines, priority, needed-by or reason of the draft; the merge keeps the later of two concurrent draft edits',
      ),
    ),
    parLevelId: Type.Optional(Id('Two-bin card or par level that triggered it')),
    substitutions: Type.Optional(
      Type.Array(SubstitutionSchema, {
        maxItems: 100,
        description: 'Substitutes proposed by the centre, each with the ward’s decision once made',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SupplyRequest = Type.Static<typeof SupplyRequestSchema>;
