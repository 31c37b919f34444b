// Reference-rate settings (config section `fx`): the base currency every amount is compared in, and
// the rates file imported when no fx snapshot is active.
import { z } from 'zod'

/** ISO 4217 codes as Node's ICU knows them (active codes, plus XDR and XSU). */
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'))

export function isIsoCurrency(code: string): boolean {
  return ISO_4217.has(code)
}

export const CurrencyCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isIsoCurrency, { message: 'not an ISO 4217 currency code' })

export const FxConfig = z.strictObject({
  /** Amounts are compared and summed in this currency (ISO 4217). */
  base_currency: CurrencyCode.default('EUR'),
  /**
   * Rates imported automatically when no fx snapshot is active (path from the cwd, else beside the
   * package), with the currency its plain-rates file quotes against; null: none.
   */
  default_rates: z
    .object({ file: z.string(), base_currency: CurrencyCode })
    .nullable()
    .default({ file: 'samples/lists/fx-rates.csv', base_currency: 'EUR' }),
})
export type FxConfig = z.infer<typeof FxConfig>
