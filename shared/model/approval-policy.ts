import Type from 'typebox';
import { FacilityId, Id, IsoDateTime } from './primitives';

const Minutes = (maximum: number, description: string) =>
  Type.Integer({ minimum: 1, maximum, description });

/** How long a request of one priority may wait: to be acknowledged, and to be delivered. */
export const ServiceLevelSchema = Type.Object(
  {
    acknowledgeMinutes: Minutes(7 * 24 * 60, 'Minutes from submission to acknowledgement'),
    deliverMinutes: Minutes(60 * 24 * 60, 'Minutes from submission to receipt'),
  },
  { additionalProperties: false },
);
export type ServiceLevel = Type.Static<typeof ServiceLevelSchema>;

/** A facility's own service levels; a priority left out keeps the network default. */
export const ServiceLevelsSchema = Type.Object(
  {
    stat: Type.Optional(ServiceLevelSchema),
    asap: Type.Optional(ServiceLevelSchema),
    urgent: Type.Optional(ServiceLevelSchema),
    routine: Type.Optional(ServiceLevelSchema),
  },
  { additionalProperties: false },
);
export type ServiceLevels = Type.Static<typeof ServiceLevelsSchema>;

const Threshold = (description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, description }));

/**
 * One version of a facility's approval policy. Versions are never edited: the admin API writes a
 * new version, so a decision recorded with version 3 can always be explained by version 3. The
 * centre keeps every version (migration 010); a PC fetches its facility's latest when it syncs
 * (all 13 RxDB collection slots are taken, so it lives in a local document, not a collection).
 */
export const ApprovalPolicySchema = Type.Object(
  {
    facilityId: FacilityId,
    version: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Version, 1 upwards' }),
    valueAbove: Threshold('A request worth more than this (unit cost × quantity) needs approval'),
    quantityAbove: Threshold('A line of more units than this needs approval'),
    nonStockNeedsApproval: Type.Boolean({
      description: 'An item with no par level at the requesting location needs approval',
    }),
    controlledItemIds: Type.Array(Id('Item of a controlled category'), {
      maxItems: 2000,
      description: 'Items of controlled categories: a request for one always needs approval',
    }),
    secondLevelValueAbove: Threshold(
      'A request worth more than this needs a second approval level as well',
    ),
    serviceLevels: Type.Optional(ServiceLevelsSchema),
    createdAt: IsoDateTime(),
    createdBy: Id('Console user or admin credential that wrote this version'),
  },
  { additionalProperties: false },
);
export type ApprovalPolicy = Type.Static<typeof ApprovalPolicySchema>;
