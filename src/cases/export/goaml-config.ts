// Config section `cases.goaml`: who the reporting entity is at its FIU, and that FIU's code lists
// (funds, transmission mode, goods, indicators). Every FIU registers its own entities and publishes its
// own lists, so nothing here has a usable default: the defaults are placeholders (null, empty) and an
// export refuses, naming each setting, until they are set (requireGoamlSettings).
import { z } from 'zod'
import { CurrencyCode } from '../../screen/fx-config.ts'
import { BadInputError } from '../../util/errors.ts'

/** goAML's name pattern for persons and entities (Latin letters, digits, space . ' -). */
export const GOAML_NAME = /^[a-zA-Z0-9 .'-]*$/
const Name = (max: number) =>
  z.string().min(1).max(max).regex(GOAML_NAME, "only letters a–z, digits, space and . ' -")
/** A code from the FIU's list: as the FIU's schema spells it. */
const Code = z.string().trim().min(1).max(50)

export const GoamlConfig = z.strictObject({
  /**
   * The values below are samples (samples/config.json, for the demo): a report made with them says
   * in its reason that it is a sample, not for filing.
   */
  sample_values: z.boolean().default(false),
  /** The reporting entity's id at the FIU (assigned at goAML registration). */
  rentity_id: z.number().int().min(1).nullable().default(null),
  /** The branch that reports, as registered with the FIU; null: none. */
  rentity_branch: z.string().min(1).max(255).nullable().default(null),
  /** The reporting entity's name, written as the institution of accounts it holds. */
  institution_name: z.string().min(1).max(255).nullable().default(null),
  /** The reporting entity's BICs (8 or 11 characters): payments with these banks are its accounts. */
  institution_bics: z.array(z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/)).default([]),
  /** E = electronic submission, M = manual. */
  submission_code: z.enum(['E', 'M']).default('E'),
  /** The FIU's local currency: every amount_local is converted into it through the fx rates. */
  currency_code_local: CurrencyCode.nullable().default(null),
  /** The officer named on the report; null: none (the FIU's portal may add the submitting user). */
  reporting_person: z
    .strictObject({
      title: z.string().max(30).optional(),
      first_name: Name(100),
      last_name: Name(100),
      email: z
        .string()
        .regex(
          /^[_a-zA-Z0-9+-]+(\.[_a-zA-Z0-9+-]+)*@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,15}$/,
        )
        .optional(),
      occupation: z.string().min(1).max(255).optional(),
    })
    .nullable()
    .default(null),
  /** Where the transactions took place, as the FIU wants it (e.g. "Online banking"); may be empty. */
  transaction_location: z.string().max(255).default(''),
  /** The FIU's code lists: the codes of its schema for what ringwatch reports. */
  codes: z
    .strictObject({
      /** funds_type: a credit transfer from or to an account (e.g. ELCFT, K). */
      funds: Code.nullable().default(null),
      /** conduction_type: how a credit transfer is made (e.g. ELCFT, SWIFT). */
      transmode: Code.nullable().default(null),
      /** A fixed transmode_comment, for FIUs whose schema requires one; null: none. */
      transmode_comment: z.string().min(1).max(255).nullable().default(null),
      /** trans_item_type for goods a payment names (HS code, purpose); e.g. '-' for unknown. */
      goods_item: Code.nullable().default(null),
      /** country_type code for a party whose country is not known (e.g. '-', ZZ). */
      unknown_country: Code.nullable().default(null),
    })
    .prefault({}),
  /**
   * ringwatch reason code (an alert reason's `code`, e.g. SANCTIONS_HIT, CYCLE) → the FIU's
   * report_indicator codes it stands for. Reason codes not listed add no indicator.
   */
  indicators: z.record(z.string().min(1), z.array(Code).min(1)).default({}),
})
export type GoamlConfig = z.infer<typeof GoamlConfig>

/** A goAML export that cannot be made with the settings given (exit 2 / HTTP 400). */
export class GoamlSettingsError extends BadInputError {}

/** The settings still at their placeholder, as config paths. */
export function missingGoamlSettings(cfg: GoamlConfig): string[] {
  const missing: string[] = []
  const need = (ok: boolean, path: string) => (ok ? undefined : missing.push(`cases.goaml.${path}`))
  need(cfg.rentity_id !== null, 'rentity_id')
  need(cfg.institution_name !== null, 'institution_name')
  need(cfg.currency_code_local !== null, 'currency_code_local')
  need(cfg.codes.funds !== null, 'codes.funds')
  need(cfg.codes.transmode !== null, 'codes.transmode')
  need(cfg.codes.goods_item !== null, 'codes.goods_item')
  need(cfg.codes.unknown_country !== null, 'codes.unknown_country')
  need(Object.keys(cfg.indicators).length > 0, 'indicators')
  return missing
}

/** goAML settings with every placeholder filled. */
export type GoamlSettings = GoamlConfig & {
  rentity_id: number
  institution_name: string
  currency_code_local: string
  codes: { [K in 'funds' | 'transmode' | 'goods_item' | 'unknown_country']: string } & {
    transmode_comment: string | null
  }
}

/** Refuses (GoamlSettingsError, naming each setting) while any setting is a placeholder. */
export function requireGoamlSettings(cfg: GoamlConfig): GoamlSettings {
  const missing = missingGoamlSettings(cfg)
  if (missing.length)
    throw new GoamlSettingsError(
      `a goAML report needs the reporting entity and the FIU's codes from the config; not set: ` +
        `${missing.join(', ')} (see README, "goAML reports")`,
      { field: missing[0], fields: missing },
    )
  return cfg as GoamlSettings
}
