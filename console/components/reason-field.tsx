import { Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { checkedReason, type ReasonRule } from '../../shared/console';

/**
 * The one field where a console user gives a required reason or comment: its limit and the words
 * that say what is missing are the endpoint's (shared/console/reason-rules), it counts what is
 * used as the person types, and it says what is missing only once they tried to send it (a
 * disabled button explains nothing). Its form sends `checkedReason(value, rule).reason`, trimmed.
 */
export function ReasonField(props: {
  rule: ReasonRule;
  label: string;
  /** Who reads the reason, and what they need from it. */
  description: string;
  value: string;
  onChange: (value: string) => void;
  /** What the form found missing when the person tried to send it; the form clears it on change. */
  error: string | undefined;
  autoFocus?: boolean;
  fieldRef?: Ref<HTMLTextAreaElement>;
}) {
  const used = props.value.trim().length;
  return (
    <Textarea
      ref={props.fieldRef}
      data-autofocus={props.autoFocus ? true : undefined}
      label={props.label}
      description={`${props.description} ${used} of ${props.rule.max} characters.`}
      required
      autosize
      minRows={3}
      maxLength={props.rule.max}
      value={props.value}
      error={props.error}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}

/** Why the reason cannot be sent, in the rule's words, or undefined when it can. */
export function reasonProblem(value: string, rule: ReasonRule): string | undefined {
  const checked = checkedReason(value, rule);
  return checked.ok ? undefined : checked.message;
}
