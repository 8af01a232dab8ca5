import Type, { type Static } from 'typebox';
import { ANOMALY_DECISIONS } from '../model/anomaly-decision';
import { SafeName, SafeText, StringEnum } from '../model/primitives';
import { LADDER_RUNGS } from '../replenishment/escalation-ladder';
import { AGE_BANDS, EXCEPTION_KINDS, RESOLUTION_COMMENT_MAX } from './exceptions';

/** The exceptions queue's routes, declared once for the endpoint (validation, OpenAPI) and the console. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ExceptionKindSchema = StringEnum(EXCEPTION_KINDS);
export const AgeBandSchema = StringEnum(AGE_BANDS);

export const ExceptionStepSchema = Type.Object({
  step: Type.Union([Type.Literal('taken'), Type.Literal('resolved')]),
  by: Type.String({ description: 'The console username, PC user id or admin token that acted' }),
  byName: Type.String({
    description:
      'Who acted, in words: "Ada Admin (ada.admin)", a stockroom person by name and id, or the administrator token',
  }),
  at: Type.String(),
  comment: Nullable(Type.String()),
});
export type ExceptionStep = Static<typeof ExceptionStepSchema>;

export const ExceptionItemSchema = Type.Object({
  id: Type.String({ description: 'The stable condition id: kind, then what names the condition' }),
  kind: ExceptionKindSchema,
  facilityId: Nullable(Type.String()),
  summary: Type.String({
    description:
      'What happened and what a buyer can do, naming the facility and the PC by name; once the condition has cleared, as it read when a person first acted on it',
  }),
  ladder: Type.Optional(
    Type.Object(
      {
        subject: Type.String({ description: 'The request in words: priority, id and facility' }),
        clock: StringEnum(['acknowledge', 'deliver'] as const),
        rung: StringEnum(LADDER_RUNGS),
        startedAt: Type.String({
          description: 'When its clock started: the wait counts from here',
        }),
        windowMinutes: Type.Integer({
          minimum: 1,
          description: 'The service level window on this clock: one rung more per window waited',
        }),
      },
      {
        description:
          'An escalated request still waiting: its summary said again at any instant (the wait in minutes moves on)',
      },
    ),
  ),
  detectedAt: Type.String(),
  ageBand: AgeBandSchema,
  state: Type.Union([Type.Literal('open'), Type.Literal('owned'), Type.Literal('resolved')]),
  owner: Nullable(Type.String()),
  ownerName: Nullable(Type.String({ description: 'The owner in words, as `byName`' })),
  conditionCleared: Type.Boolean({
    description:
      'The underlying condition is gone (e.g. the PC came back); the item stays for its history',
  }),
  history: Type.Array(ExceptionStepSchema),
});
export type ExceptionItem = Static<typeof ExceptionItemSchema>;

export const ExceptionQuery = Type.Object({
  kind: Type.Optional(ExceptionKindSchema),
  facilityId: Type.Optional(SafeName({ minLength: 1, maxLength: 64 })),
  ageBand: Type.Optional(AgeBandSchema),
  state: Type.Optional(
    Type.Union(
      [
        Type.Literal('active'),
        Type.Literal('open'),
        Type.Literal('owned'),
        Type.Literal('resolved'),
      ],
      { description: 'active (default): open and owned' },
    ),
  ),
});
export type ExceptionSearch = Static<typeof ExceptionQuery>;

export const ExceptionListSchema = Type.Object({
  now: Type.String(),
  items: Type.Array(ExceptionItemSchema),
  bandCounts: Type.Record(Type.String(), Type.Integer(), {
    description:
      'Items per age band under the kind, facility and state filters (before the band filter)',
  }),
});
export type ExceptionList = Static<typeof ExceptionListSchema>;

export const ExceptionActBody = Type.Object(
  {
    id: SafeName({ minLength: 3, maxLength: 300 }),
    comment: Type.Optional(SafeText({ maxLength: RESOLUTION_COMMENT_MAX })),
    outcome: Type.Optional(
      StringEnum(
        ANOMALY_DECISIONS,
        'Resolving a usage anomaly flag: confirmed (real trouble) or dismissed (explained)',
      ),
    ),
  },
  { additionalProperties: false },
);
