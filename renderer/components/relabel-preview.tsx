import { Card, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { symbolOptions, type LabelSymbology, type RelabelContent } from '../../shared/labels';

function useLabelSymbol(content: RelabelContent, symbology: LabelSymbology): string | undefined {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    setSrc(undefined);
    // bwip-js is large: it is loaded only where labels are drawn.
    void import('bwip-js/browser').then(({ toSVG }) => {
      const svg = toSVG({
        ...symbolOptions(content, symbology),
        scale: 3,
        // Code 128's bars in millimetres; a Data Matrix is square and sizes itself.
        ...(symbology === 'gs1-128' ? { height: 12 } : {}),
        includetext: false,
      });
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [content, symbology]);
  return src;
}

function LabelFace({
  title,
  content,
  src,
}: {
  title: string;
  content: RelabelContent;
  src: string | undefined;
}) {
  return (
    <Stack gap={4} align="flex-start" style={{ breakInside: 'avoid', paddingBottom: 12 }}>
      <Text fw={700} fz="md">
        {title}
      </Text>
      {src && (
        <img
          src={src}
          alt={`Label barcode: ${content.humanReadable}`}
          style={{ maxWidth: '100%', maxHeight: 140 }}
        />
      )}
      <Text ff="monospace" fz="sm" data-testid="relabel-human-readable">
        {content.humanReadable}
      </Text>
    </Stack>
  );
}

/**
 * The label as it will print: drawn with bwip-js from the same element string the ZPL carries. On
 * screen one face shows; the print dialog gets one face per copy and nothing else of the page.
 */
export function RelabelPreview({
  title,
  content,
  symbology,
  copies,
}: {
  title: string;
  content: RelabelContent;
  symbology: LabelSymbology;
  copies: number;
}) {
  const src = useLabelSymbol(content, symbology);
  return (
    <Card withBorder padding="md" className="print-alone" data-testid="relabel-preview">
      <LabelFace title={title} content={content} src={src} />
      {Array.from({ length: Math.max(0, copies - 1) }, (_, n) => (
        <div key={n} className="print-only">
          <LabelFace title={title} content={content} src={src} />
        </div>
      ))}
    </Card>
  );
}
