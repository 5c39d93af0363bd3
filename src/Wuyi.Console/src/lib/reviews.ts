// What a reviewer wrote against single criteria, for the record's reviews table.
import type { ReviewView } from '../api/types'
import { criteriaKeys } from './fallbackForms'

/** The non-empty criterion comments of a review, in the criteria's order (form-js submits empty text areas as ''). */
export function criterionComments(review: Pick<ReviewView, 'criterionComments'>): Array<readonly [string, string]> {
  const texts = review.criterionComments ?? {}
  return criteriaKeys.map(k => [k, String(texts[k] ?? '').trim()] as const).filter(([, text]) => text)
}
