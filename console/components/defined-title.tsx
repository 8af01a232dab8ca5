import { Title, Tooltip } from '@mantine/core';

/** A section title that shows its indicator's definition on hover or focus, as the columns do. */
export function DefinedTitle(props: { title: string; definition: string | undefined }) {
  return (
    <Title order={2} size="h4">
      {props.definition ? (
        <Tooltip label={props.definition} multiline w={320}>
          <span tabIndex={0}>{props.title}</span>
        </Tooltip>
      ) : (
        props.title
      )}
    </Title>
  );
}
