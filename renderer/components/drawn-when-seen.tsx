import { Box } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Draws its children once they come near the screen, and keeps them drawn after. A chart measures
 * its own text as it draws (recharts reads computed styles, forcing the page's layout), so nine of
 * them drawn at once below the fold held the dashboard back by far more than the figures above it
 * cost. The reserved height keeps the page from jumping when a chart arrives.
 */
export function DrawnWhenSeen(props: { minHeight: number; children: () => ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (seen || !element) return undefined;
    // No observer (an old engine): draw at once rather than never.
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      // Drawn a little before it scrolls in, so a person scrolling rarely sees the space empty.
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return (
    <Box ref={place} mih={seen ? undefined : props.minHeight}>
      {seen ? props.children() : null}
    </Box>
  );
}
