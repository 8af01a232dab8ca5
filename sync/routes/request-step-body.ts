import Type from 'typebox';
import { STEP_REASON, SUBSTITUTE_REASON } from '../../shared/console/reason-rules';
import { Id, Quantity, SafeText } from '../../shared/model';

/** The reason of a rejection or cancellation, as the ERP and the console send it. */
export const StepNote = Type.Optional(
  SafeText({ maxLength: STEP_REASON.max, description: 'Required to cancel or reject: the reason' }),
);

/** The quantities of a (partial) shipment, as the ERP and the console send them. */
export const StepLines = Type.Optional(
  Type.Array(
    Type.Object(
      { itemId: Id('A line of the request'), quantity: Quantity() },
      { additionalProperties: false },
    ),
    {
      minItems: 1,
      maxItems: 500,
      description: 'shipped: what this (partial) shipment holds; absent: everything still to ship',
    },
  ),
);

/** Substitutes the centre proposes, as the ERP and the console send them. */
export const ProposedSubstitutes = Type.Array(
  Type.Object(
    {
      lineItemId: Id('The line of the request it would replace (its item)'),
      itemId: Id('The substitute item, from the item master'),
      quantity: Quantity('Units of the substitute that would fill the line'),
      reason: SafeText({
        minLength: 1,
        maxLength: SUBSTITUTE_REASON.max,
        description:
          'Why the line cannot be filled as asked (backordered, unavailable) and why this item',
      }),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 20 },
);
