// Screening settings (config section `screen`).
import { z } from 'zod'

export const ScreenConfig = z.object({
  /** Name-match score (0–1) at or above which a party counts as a hit. */
  match_threshold: z.number().min(0).max(1).default(0.9),
  /** ISO 3166-1 alpha-2 codes of comprehensively sanctioned jurisdictions. */
  sanctioned_countries: z.array(z.string().length(2)).default(['RU', 'BY', 'IR', 'KP', 'SY', 'CU']),
  /** Known diversion / transshipment hubs for controlled goods. */
  diversion_hubs: z
    .array(z.string().length(2))
    .default(['AE', 'TR', 'KZ', 'KG', 'AM', 'GE', 'UZ', 'HK', 'CN', 'RS']),
})
export type ScreenConfig = z.infer<typeof ScreenConfig>
