import { scanWarning } from './error-codes';
import { allGs1Ais, gs1Ai, gs1AiMatches, type Gs1AiDefinition } from './gs1-ai';
import type { ScanWarning } from './types';

/**
 * The syntax dictionary's req= and ex= rules. They flag a label to check, never refuse it.
 * `scanned` is `ai`'s keys in any order; the warnings come in the order of `ai`'s keys.
 */
export function associationWarnings(
  ai: Readonly<Record<string, string>>,
  scanned: readonly string[],
): ScanWarning[] {
  // Almost every label keeps the rules: answering that from sets first spares building warnings.
  if (!breaksAnyRule(scanned)) return [];
  return associationWarningsByRule(Object.keys(ai));
}

/** Every rule evaluated in full, in `present`'s order: what `associationWarnings` answers. */
export function associationWarningsByRule(present: readonly string[]): ScanWarning[] {
  const warnings: ScanWarning[] = [];
  const has = (pattern: string) => present.some((ai) => gs1AiMatches(pattern, ai));
  const reportedPairs = new Set<string>();
  for (const ai of present) {
    const definition = gs1Ai(ai);
    if (!definition) continue;
    for (const alternatives of definition.requires) {
      if (alternatives.some((all) => all.every(has))) continue;
      const required = alternatives
        .map((all) => all.map((pattern) => `(${pattern})`).join(' with '))
        .join(' or ');
      warnings.push(
        scanWarning('GS1_MISSING_ASSOCIATION', { ai, title: definition.title, required }),
      );
    }
    for (const pattern of definition.excludes) {
      for (const other of present) {
        if (other === ai || !gs1AiMatches(pattern, other)) continue;
        const pair = [ai, other].sort().join('+');
        if (reportedPairs.has(pair)) continue;
        reportedPairs.add(pair);
        warnings.push(scanWarning('GS1_INVALID_PAIR', { ai, title: definition.title, other }));
      }
    }
  }
  return warnings;
}

/** An AI's rules, compiled once: exact AIs go into sets, `n` patterns are matched one by one. */
interface CompiledRules {
  definition: Gs1AiDefinition;
  /** Per req= entry: the AIs any one of which meets it, or undefined where an alternative needs more. */
  requires: readonly (ReadonlySet<string> | undefined)[];
  excludedExactly: ReadonlySet<string>;
  excludedPatterns: readonly string[];
}

function compile(definition: Gs1AiDefinition): CompiledRules {
  const exact = (pattern: string) => !pattern.includes('n');
  return {
    definition,
    requires: definition.requires.map((alternatives) =>
      alternatives.every((all) => all.length === 1 && exact(all[0] ?? 'n'))
        ? new Set(alternatives.map((all) => all[0] ?? ''))
        : undefined,
    ),
    excludedExactly: new Set(definition.excludes.filter(exact)),
    excludedPatterns: definition.excludes.filter((pattern) => !exact(pattern)),
  };
}

const COMPILED: ReadonlyMap<string, CompiledRules> = new Map(
  allGs1Ais().map((definition) => [definition.ai, compile(definition)]),
);

/** Whether `associationWarningsByRule` has anything to say, answered without building it. */
function breaksAnyRule(present: readonly string[]): boolean {
  for (const ai of present) {
    const rules = COMPILED.get(ai);
    if (rules === undefined) continue;
    for (let r = 0; r < rules.requires.length; r++) {
      const anyOf = rules.requires[r];
      const met =
        anyOf === undefined
          ? meetsInFull(rules.definition.requires[r] ?? [], present)
          : presentIn(anyOf, present);
      if (!met) return true;
    }
    // Most AIs exclude nothing (10, 17, 21…): skip the walk over the others for them.
    if (rules.definition.excludes.length === 0) continue;
    for (const other of present) {
      if (other === ai) continue;
      if (rules.excludedExactly.has(other)) return true;
      for (const pattern of rules.excludedPatterns) if (gs1AiMatches(pattern, other)) return true;
    }
  }
  return false;
}

function presentIn(anyOf: ReadonlySet<string>, present: readonly string[]): boolean {
  for (const ai of present) if (anyOf.has(ai)) return true;
  return false;
}

/** One req= entry met by some alternative, every AI pattern of which is present. */
function meetsInFull(alternatives: readonly (readonly string[])[], present: readonly string[]) {
  return alternatives.some((all) =>
    all.every((pattern) => present.some((other) => gs1AiMatches(pattern, other))),
  );
}
