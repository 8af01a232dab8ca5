/** A lot's balance at one location, as the item card has it. */
export interface LotBalanceAt {
  locationId: string;
  onHand: number;
}

/** The on-hand line of an item card: what the figure counts, and the figure. */
export interface OnHandFigure {
  label: 'On hand here' | 'On hand across the facility';
  units: number;
  /** The chosen location's name, shown after the figure. */
  where?: string;
}

/**
 * Says which figure the item card shows for the scanned lot. Only a screen where the person chose
 * a location (Issue's From, Adjust's shelf) has a "here"; a screen with none (Look up, a recalled
 * return bound for the cage) shows the lot's total at every location of the facility, and says so,
 * rather than a "here" that would read as the shelf in front of the person.
 */
export function onHandFigure(
  lotBalances: readonly LotBalanceAt[],
  here: { locationId: string; name: string } | undefined,
): OnHandFigure {
  if (here) {
    const units = lotBalances.find((b) => b.locationId === here.locationId)?.onHand ?? 0;
    return { label: 'On hand here', units, where: here.name };
  }
  const units = lotBalances.reduce((sum, b) => sum + b.onHand, 0);
  return { label: 'On hand across the facility', units };
}
