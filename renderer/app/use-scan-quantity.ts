import { useRef, useState } from 'react';

export interface ScanQuantity {
  quantity: number;
  /** The person typed or stepped the quantity. */
  typed(value: number): void;
  /**
   * A scan arrived: a quantity the label carries wins; a quantity the person typed before the
   * scan is kept; otherwise the screen's suggestion.
   */
  scanned(labelQuantity: number | undefined, suggestion: number): void;
  /** The act was recorded or cancelled: the next scan starts from its suggestion again. */
  reset(): void;
}

/** The quantity beside a scan, which a scan must never overwrite after a person typed it. */
export function useScanQuantity(initial = 1): ScanQuantity {
  const [quantity, setQuantity] = useState(initial);
  const typedByPerson = useRef(false);
  return {
    quantity,
    typed(value) {
      typedByPerson.current = true;
      setQuantity(value);
    },
    scanned(labelQuantity, suggestion) {
      if (labelQuantity !== undefined) setQuantity(labelQuantity);
      else if (!typedByPerson.current) setQuantity(suggestion);
    },
    reset() {
      typedByPerson.current = false;
      setQuantity(initial);
    },
  };
}
