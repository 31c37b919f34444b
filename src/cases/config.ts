// Case and report settings (config section `cases`): who the reporting entity is for goAML reports
// (cases.goaml, see export/goaml-config.ts), and where the audit key and checkpoints live.
import { z } from 'zod'
import { GoamlConfig } from './export/goaml-config.ts'

export { GoamlConfig }

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
