// How the signal history shows what became of each signal.
export type OutcomeTag = 'success' | 'info' | 'warning' | 'danger'

/** The tag colour of an outcome: applied green, a duplicate grey, an unknown area amber, any other refusal red. */
export function outcomeTag(outcome: string): OutcomeTag {
  switch (outcome) {
    case 'applied': return 'success'
    case 'duplicate': return 'info'
    case 'unknown-area': return 'warning'
    default: return 'danger'
  }
}

/** The i18n key of an outcome's label (signals.outcomes.*), or null for one the console does not know. */
export function outcomeKey(outcome: string): string | null {
  return ['applied', 'duplicate', 'unknown-area', 'refused'].includes(outcome) ? `signalHistory.outcomes.${outcome}` : null
}
