import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../api/http';

/**
 * The endpoint's refusal in its own words, where the person is looking. In a dialog, `takeFocus`
 * moves focus onto it when a refusal comes in: the person's focus was on the button they pressed,
 * and a screen reader or keyboard user reads the refusal next and then goes on to fix it.
 */
export function Problem({
  error,
  title,
  takeFocus,
  words,
}: {
  error: ApiError | undefined;
  title?: string;
  takeFocus?: boolean;
  /** The refusal as the screen words it from the answer's structured facts, instead of its text. */
  words?: string | undefined;
}) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && error) alert.current?.focus();
  }, [takeFocus, error]);
  if (!error) return null;
  return (
    <Alert
      ref={alert}
      color="red"
      title={title ?? 'That did not work'}
      role="alert"
      tabIndex={takeFocus ? -1 : undefined}
    >
      {words ?? error.message}
    </Alert>
  );
}
