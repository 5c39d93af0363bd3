// Certification records as the console shows them: reviews' criterion comments, the certification of a task.
import type { ReviewView } from '../api/types'
import { criteriaKeys } from './fallbackForms'

/** The non-empty criterion comments of a review, in the criteria's order (form-js submits empty text areas as ''). */
export function criterionComments(review: Pick<ReviewView, 'criterionComments'>): Array<readonly [string, string]> {
  const texts = review.criterionComments ?? {}
  return criteriaKeys.map(k => [k, String(texts[k] ?? '').trim()] as const).filter(([, text]) => text)
}

/** The certification a task's instance belongs to: a spot-check or rectification runs as a child of it (the engine
 *  names a call activity's child `{parent}.{n}`), and the record to show beside its form is the certification's. */
export function certificationOf(instanceId: string): string | null {
  return instanceId.startsWith('cert-') ? instanceId.replace(/(\.\d+)+$/, '') : null
}
