/** The ledger's refusals as one sentence for a single alert, each in the writer's own words. */
export function problemText(problems: readonly { message: string }[]): string {
  return problems.map((p) => p.message).join(' ');
}
