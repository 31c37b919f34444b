// goAML STR export against a real FIU's goAML 5.0.2 schema (../shared/data/goaml): an STR with several
// transactions, parties in three countries, a USD payment under local currency EUR and a sanctions hit
// validates; amounts go through the reference rates with the original kept; indicators come from
// the configured mapping; the analyst's justification is the reason; placeholders are refused.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { openStore, type Store } from '../src/store/index.ts'
import { importList } from '../src/screen/index.ts'
import {
  applyCaseAction,
  exportAlerts,
  GoamlConfig,
  GoamlSettingsError,
  verifyAudit,
} from '../src/cases/index.ts'
import { findAll, parseXml, textOf, type XmlElement } from '../src/ingest/xml.ts'
import { BadInputError } from '../src/util/errors.ts'
import { insertFixturePayments } from './fixtures/payments.ts'
import { GOAML_XSD, goamlSchemaErrors, goamlTestSettings } from './goaml-schema.ts'

const RATES = fileURLToPath(new URL('../samples/lists/fx-rates.csv', import.meta.url))
const ALERT = 'A-00000000g0a1'
const DE = 'DE89370400440532013000'
const AE = 'AE070331234567890123456'
const TR = 'TR330006100519786457841326'
const OTHER = '0012345678'

// [tx, day, amount, currency, debtor, creditor, purpose, hs]
const PAYMENTS: Array<
  [string, string, string, string, string, string, string | null, string | null]
> = [
  [
    'g1',
    '2026-02-02',
    '250000.00',
    'EUR',
    DE,
    AE,
    'CNC milling machine <5-axis> & "spare" parts',
    '8459.61',
  ],
  ['g2', '2026-02-03', '240000.00', 'USD', AE, TR, null, null],
  ['g3', '2026-02-04', '230000.00', 'EUR', TR, DE, 'Consulting fee Q1', null],
  ['g4', '2026-02-05', '5000.00', 'EUR', TR, OTHER, 'Fee', null],
]
const PARTY: Record<
  string,
  { name: string | null; country: string | null; bank: string | null; bankName: string | null }
> = {
  [DE]: {
    name: 'Müller & Söhne Maschinenbau GmbH',
    country: 'DE',
    bank: 'COBADEFFXXX',
    bankName: null,
  },
  [AE]: { name: 'Gulf Precision Trading FZE', country: 'AE', bank: 'EBILAEAD', bankName: null },
  [TR]: {
    name: 'Anatolia Makine Sanayi ve Ticaret A.Ş.',
    country: 'TR',
    bank: 'TGBATRIS',
    bankName: 'Türkiye Garanti Bankası A.Ş.',
  },
  [OTHER]: { name: null, country: null, bank: null, bankName: null },
}
const REASONS = [
  {
    code: 'SANCTIONS_HIT',
    text: 'payments to or from a party on a watch list: GULF PRECISION TRADING',
    weight: 55,
  },
  { code: 'MATCH_STRONG', text: 'name match score 1', weight: 10 },
  {
    code: 'CYCLE',
    text: '3-hop payment cycle: money came back to the account it left',
    weight: 20,
  },
  { code: 'RETENTION_HIGH', text: '92% of the money passed on through the pattern', weight: 8 },
  {
    code: 'DIVERSION_HUB',
    text: 'money routed through a diversion hub (AE, TR) on 3 payment(s)',
    weight: 8,
  },
  { code: 'CONTROLLED_GOODS', text: 'controlled goods on 1 of 4 payments: 8459.61', weight: 20 },
]
const PROPOSAL =
  'Gulf Precision Trading FZE is on the SDN list. The machine tools paid to it were paid for again via Turkey and the money returned to the German buyer within three days.'
const APPROVAL = 'Agreed; file with the FIU today.'

let store: Store

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  await importList(store, RATES, { kind: 'fx', base: 'EUR' })
  for (const [i, [tx, day, amount, currency, d, c, purpose, hs]] of PAYMENTS.entries()) {
    const extra: Record<string, string> = {}
    if (PARTY[d].bankName) extra.debtor_bank_name = PARTY[d].bankName!
    if (PARTY[c].bankName) extra.creditor_bank_name = PARTY[c].bankName!
    await insertFixturePayments(store, [
      {
        tx_id: tx,
        ts: `${day} 10:30:00`,
        amount,
        currency,
        debtor_account: d,
        debtor_name: PARTY[d].name || null,
        debtor_country: PARTY[d].country || null,
        debtor_bank: PARTY[d].bank || null,
        creditor_account: c,
        creditor_name: PARTY[c].name || null,
        creditor_country: PARTY[c].country || null,
        creditor_bank: PARTY[c].bank || null,
        purpose: purpose || null,
        hs_code: hs || null,
        extra: JSON.stringify(extra),
        file_id: 'f'.repeat(64),
        source_row: i + 1,
      },
    ])
  }
  await store.run('fixture/insert-alert', {
    id: ALERT,
    typology: 'sanctions',
    score: 93,
    status: 'new',
    accounts: JSON.stringify([DE, AE, TR, OTHER]),
    first_ts: '2026-02-02T10:30:00Z',
    last_ts: '2026-02-05T10:30:00Z',
    total_amount: '725000.00',
    currency: 'EUR',
    total_amount_base: null,
    base_currency: 'EUR',
    reasons: JSON.stringify(REASONS),
    finding: JSON.stringify({ typology: 'sanctions' }),
    community: 1,
    provenance: JSON.stringify({
      run_id: 'run-1',
      detector_version: 'test',
      config_hash: 'abc',
      list_versions: {},
      input_files: [],
    }),
    assignee: null,
    proposed_by: null,
    proposed_outcome: null,
    created_at: '2026-02-06T00:00:00Z',
  })
  for (const [tx] of PAYMENTS)
    await store.run('fixture/insert-alert-transfer', {
      alert_id: ALERT,
      tx_id: tx,
      run_id: 'run-1',
    })
  const ana = { id: 'ana', role: 'analyst' } as const
  await applyCaseAction(store, ana, ALERT, { type: 'start_review' })
  await applyCaseAction(store, ana, ALERT, {
    type: 'propose',
    outcome: 'reported',
    reason: PROPOSAL,
  })
  await applyCaseAction(store, { id: 'sup', role: 'supervisor' }, ALERT, {
    type: 'approve',
    reason: APPROVAL,
  })
})
afterAll(() => store.close())

const SETTINGS = () => SETTINGS_WITH({})

async function exportGoaml(goaml: GoamlConfig): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await exportAlerts(
    store,
    { id: 'fiu', role: 'fiu_viewer' },
    { format: 'goaml', ids: [ALERT], out, goaml, now: '2026-02-10T12:00:00.000Z' },
  )
  const xml = Buffer.concat(chunks).toString('utf8')
  // every report this suite exports validates against the FIU's schema, whatever it checks next
  expect(await goamlSchemaErrors(xml)).toEqual([])
  return xml
}

const report = (xml: string) => parseXml(xml).children[0]
const txOf = (r: XmlElement, id: string) =>
  findAll(r, 'transaction').find((t) => textOf(t, 'transactionnumber') === id)!

/** The sample file's rate for a currency on a day: EUR per 1 unit. */
function sampleRate(currency: string, day: string): number {
  const line = readFileSync(RATES, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${day},${currency},`))
  return Number(line!.split(',')[2])
}

describe.skipIf(!GOAML_XSD)('goAML STR against the FIU schema', () => {
  it('validates: several transactions, three countries, a USD payment, a sanctions hit', async () => {
    const xml = await exportGoaml(SETTINGS())
    expect(await goamlSchemaErrors(xml)).toEqual([])
    const r = report(xml)
    expect(findAll(r, 'transaction')).toHaveLength(PAYMENTS.length)
    const countries = new Set(
      findAll(r, 'from_country')
        .concat(findAll(r, 'to_country'))
        .map((e) => e.text),
    )
    for (const c of ['DE', 'AE', 'TR']) expect(countries).toContain(c)
    expect(countries).toContain(SETTINGS().codes.unknown_country)
  })

  it('names the reporting entity from the config', async () => {
    const settings = SETTINGS()
    const r = report(await exportGoaml(settings))
    expect(textOf(r, 'rentity_id')).toBe(String(settings.rentity_id))
    expect(textOf(r, 'currency_code_local')).toBe(settings.currency_code_local)
    expect(textOf(r, 'entity_reference')).toBe(ALERT)
    expect(textOf(r, 'submission_date')).toBe('2026-02-10T12:00:00')
    expect(textOf(r, 'reporting_person', 'last_name')).toBe(settings.reporting_person!.last_name)
  })

  it("the reason is the analyst's justification, without ringwatch's own texts", async () => {
    const xml = await exportGoaml(SETTINGS())
    const reason = textOf(report(xml), 'reason')!
    expect(reason).toContain(PROPOSAL)
    expect(reason).toContain(APPROVAL)
    for (const r of REASONS) expect(xml).not.toContain(r.text)
    expect(xml).not.toMatch(/score|ringwatch/i)
  })

  it("indicators are the FIU's codes the mapping gives for the alert's reasons", async () => {
    const settings = SETTINGS()
    const r = report(await exportGoaml(settings))
    const got = findAll(r, 'indicator').map((e) => e.text)
    const want = [...new Set(REASONS.flatMap((x) => settings.indicators[x.code] ?? []))]
    expect(want.length).toBeGreaterThan(1)
    expect(got).toEqual(want)
    for (const x of REASONS) expect(got).not.toContain(x.code)
  })

  it('converts a foreign amount into the local currency and keeps the original', async () => {
    const r = report(await exportGoaml(SETTINGS()))
    const usd = txOf(r, 'g2')
    const rate = sampleRate('USD', '2026-02-03')
    expect(Number(textOf(usd, 'amount_local'))).toBeCloseTo(240000 * rate, 2)
    for (const side of ['from', 'to']) {
      const fc = findAll(usd, `${side}_foreign_currency`)[0]
      expect(textOf(fc, 'foreign_currency_code')).toBe('USD')
      expect(textOf(fc, 'foreign_amount')).toBe('240000.00')
      expect(Number(textOf(fc, 'foreign_exchange_rate'))).toBeCloseTo(rate, 6)
    }
    const eur = txOf(r, 'g1')
    expect(textOf(eur, 'amount_local')).toBe('250000.00')
    expect(findAll(eur, 'from_foreign_currency')).toEqual([])
  })

  it('names banks by BIC and by name where known; never a BIC as a name', async () => {
    const settings = SETTINGS()
    const r = report(await exportGoaml(settings))
    const g1 = txOf(r, 'g1')
    // the reporting entity's own BIC: its configured name
    expect(textOf(g1, 't_from', 'from_account', 'institution_name')).toBe(settings.institution_name)
    expect(textOf(g1, 't_from', 'from_account', 'swift')).toBe('COBADEFFXXX')
    // a bank the payment did not name: the BIC only
    expect(textOf(g1, 't_to', 'to_account', 'swift')).toBe('EBILAEAD')
    expect(textOf(g1, 't_to', 'to_account', 'institution_name')).toBeNull()
    // a bank the payment named
    const g2 = txOf(r, 'g2')
    expect(textOf(g2, 't_to', 'to_account', 'institution_name')).toBe(PARTY[TR].bankName)
    for (const n of findAll(r, 'institution_name'))
      expect(n.text).not.toMatch(/^[A-Z]{6}[A-Z0-9]{2}/)
  })

  it('writes names in the schema’s alphabet and keeps the goods text escaped intact', async () => {
    const r = report(await exportGoaml(SETTINGS()))
    const g1 = txOf(r, 'g1')
    expect(textOf(g1, 't_from', 'from_account', 'account_name')).toBe(
      'Muller and Sohne Maschinenbau GmbH',
    )
    expect(textOf(g1, 'transaction_description')).toBe(PAYMENTS[0][6])
    expect(textOf(g1, 'goods_services', 'item', 'description')).toBe(PAYMENTS[0][6])
    expect(textOf(g1, 'goods_services', 'item', 'item_type')).toBe(SETTINGS().codes.goods_item)
    expect(textOf(g1, 'goods_services', 'item', 'comments')).toContain(PAYMENTS[0][7])
    // a purpose without an HS code declares no goods
    expect(findAll(txOf(r, 'g3'), 'goods_services')).toEqual([])
  })

  it('a report made with sample settings says so', async () => {
    const xml = await exportGoaml(goamlTestSettings({ sample_values: true }))
    expect(await goamlSchemaErrors(xml)).toEqual([])
    expect(textOf(report(xml), 'reason')).toMatch(/^SAMPLE REPORT/)
  })
})

describe('goAML refusals', () => {
  it('refuses placeholder settings, naming each, and writes no audit row', async () => {
    const before = (await verifyAudit(store)).rows
    const err = await exportGoaml(GoamlConfig.parse({})).catch((e) => e)
    expect(err).toBeInstanceOf(GoamlSettingsError)
    expect(err.details.fields).toEqual([
      'cases.goaml.rentity_id',
      'cases.goaml.institution_name',
      'cases.goaml.currency_code_local',
      'cases.goaml.codes.funds',
      'cases.goaml.codes.transmode',
      'cases.goaml.codes.goods_item',
      'cases.goaml.codes.unknown_country',
      'cases.goaml.indicators',
    ])
    const one = await exportGoaml(SETTINGS_WITH({ rentity_id: null })).catch((e) => e)
    expect(one).toBeInstanceOf(GoamlSettingsError)
    expect(one.details.fields).toEqual(['cases.goaml.rentity_id'])
    expect((await verifyAudit(store)).rows).toBe(before)
  })

  it('refuses when no reason code maps to an indicator', async () => {
    const err = await exportGoaml(SETTINGS_WITH({ indicators: { PAYROLL_LIKE: ['ALP01'] } })).catch(
      (e) => e,
    )
    expect(err).toBeInstanceOf(GoamlSettingsError)
    expect(err.details.field).toBe('cases.goaml.indicators')
  })

  it('refuses amounts it cannot convert into the local currency', async () => {
    const err = await exportGoaml(SETTINGS_WITH({ currency_code_local: 'KPW' })).catch((e) => e)
    expect(err).toBeInstanceOf(BadInputError)
    expect(err.details.currencies).toEqual(expect.arrayContaining(['EUR', 'USD']))
  })

  it('the config refuses unknown goAML settings and malformed ones', () => {
    expect(GoamlConfig.safeParse({ rentity: 1 }).success).toBe(false)
    expect(GoamlConfig.safeParse({ codes: { fund: 'K' } }).success).toBe(false)
    expect(GoamlConfig.safeParse({ rentity_id: 0 }).success).toBe(false)
    expect(GoamlConfig.safeParse({ currency_code_local: 'EURO' }).success).toBe(false)
  })
})

function SETTINGS_WITH(over: Record<string, unknown>): GoamlConfig {
  return goamlTestSettings({
    institution_name: 'Test Bank AG',
    institution_bics: ['COBADEFF'],
    ...over,
  })
}
