// Case and report settings (config section `cases`): who the reporting entity is for goAML reports.
import { z } from 'zod'

export const GoamlConfig = z.strictObject({
  /** The reporting entity's id at the FIU (assigned at goAML registration). */
  rentity_id: z.string().default('0'),
  rentity_branch: z.string().optional(),
  /** E = electronic submission. */
  submission_code: z.enum(['E', 'M']).default('E'),
  currency_code_local: z.string().length(3).default('EUR'),
  /** FIU code for the transmission mode of a credit transfer. */
  transmode_code: z.string().default('K'),
  /** FIU code for the funds type on both sides (K = bank account / deposit, in common code lists). */
  funds_code: z.string().default('K'),
  /** Name of the reporting institution on its own accounts. */
  institution_name: z.string().default('Reporting bank'),
  reporting_person: z
    .object({
      first_name: z.string().default('Compliance'),
      last_name: z.string().default('Officer'),
      email: z.string().optional(),
      occupation: z.string().default('Money laundering reporting officer'),
    })
    .prefault({}),
})
export type GoamlConfig = z.infer<typeof GoamlConfig>

export const CasesConfig = z.strictObject({
  goaml: GoamlConfig.prefault({}),
})
export type CasesConfig = z.infer<typeof CasesConfig>

/** Config section `audit`: where the audit key and the signed checkpoints live (never in the database). */
export const AuditConfig = z.strictObject({
  /** A file holding the audit key (hex or base64); RINGWATCH_AUDIT_KEY / _KEY_FILE win over it. */
  key_file: z.string().min(1).nullable().default(null),
  /** The append-only checkpoint file; default `<database>.audit-checkpoints` beside the database. */
  checkpoint_file: z.string().min(1).nullable().default(null),
})
export type AuditConfig = z.infer<typeof AuditConfig>
