// The validation rules' fast forms (queries/ingest/checked-create.sql, queries/schema/030_*.sql)
// held against their full forms on generated values: `ok` must never pass a row that breaks a rule,
// and each cheaper macro must give the answer of the expression it replaced.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { withStore, type Session, type Store } from '../src/store/index.ts'
import { TRANSFER_COLUMNS } from '../src/schema/transfer.ts'
import { checkAgainstLanded, checkStaged } from '../src/ingest/land.ts'
import { insertFixturePayments } from './fixtures/payments.ts'

type Value = string | null

const IBANS = [
  'DE89370400440532013000', // valid
  'GB82WEST12345698765432', // valid, letters in the BBAN
  'DE89370400440532013001', // check digits wrong
  'DE8937040044053201300', // one character short
  'FR1420041010050500013M02606', // valid, letter in the BBAN
  'FR7630004973612500000000250', // valid whatever a number cast makes of its digits
]

// Per field: the values a file may hold after clean-up, the awkward ones included.
const POOL: Record<string, Value[]> = {
  tx_id: ['T1', 'T2', 'T3', 'T4', null],
  ts: [
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00+02:00',
    '2024-05-01 10:00:00',
    '2024-05-01',
    '2024-06-01T00:30:00Z', // within the tolerance after "now"
    '2024-06-03T00:00:00Z', // beyond it
    'yesterday',
    'infinity',
    '-infinity',
    'epoch',
    '20240501T100000Z',
    '2024-02-30T00:00:00Z',
    null,
  ],
  amount: [
    '100.00',
    '100',
    '+5',
    '+0',
    '0',
    '0.00',
    '-1',
    '-0',
    '1.005',
    '1.5',
    '.5',
    '5.',
    '1..2',
    '1e3',
    '12,50',
    '1_000',
    '00000000000000001',
    '00000000000000001.5',
    '12345678901234567',
    '9999999999999999.99',
    '1.230',
    '0.001',
    '0.01',
    '0.10',
    ' 5',
    null,
  ],
  currency: ['EUR', 'JPY', 'BHD', 'KWD', 'XYZ', 'eur', ' EUR', '', null],
  debtor_account: [
    ...IBANS,
    'ACC-1',
    'ACC-2',
    'DE',
    ' ACC-1 ',
    'de89 3704 0044 0532 0130 00',
    null,
  ],
  creditor_account: [...IBANS, 'ACC-1', 'ACC-2', null],
  debtor_bank: [
    'COBADEFFXXX',
    'COBADEFF',
    'COBADEF',
    'COBAQQFF',
    'COBADEFF1',
    'cobadeff',
    'COBÄDEFF',
    null,
  ],
  creditor_bank: ['DEUTDEFF', 'DEUTDEFF500', 'DEUT-EFF', 'WESTGB2L', null],
  debtor_country: ['DE', 'GB', 'XX', 'de', 'DE\t', null],
  creditor_country: ['AE', 'RU', 'QQ', null],
  hs_code: [
    '8457.10',
    '8457',
    '84',
    '84571012345',
    '8457101234',
    '8457.',
    '.8457',
    '84a7',
    '845 7',
    '12.34.56',
    '1.2.3.4',
    ' 8457',
    null,
  ],
}

// A good value per field; each generated row takes it nine times in ten, else one from the pool.
const GOOD: Record<string, fc.Arbitrary<Value>> = {
  tx_id: fc.nat(1_000_000).map((n) => `U${n}`),
  ts: fc.constant('2024-05-01T10:00:00Z'),
  amount: fc.nat(99_999).map((n) => `${n + 1}.${String(n % 100).padStart(2, '0')}`),
  currency: fc.constant('EUR'),
  debtor_account: fc.constant('DE89370400440532013000'),
  creditor_account: fc.constant('GB82WEST12345698765432'),
  debtor_bank: fc.constant('COBADEFFXXX'),
  creditor_bank: fc.constant('WESTGB2L'),
  debtor_country: fc.constant('DE'),
  creditor_country: fc.constant('AE'),
  hs_code: fc.constant('8457.10'),
}

const row = fc.record(
  Object.fromEntries(
    TRANSFER_COLUMNS.map((c) => [
      c,
      POOL[c]
        ? fc.oneof(
            { arbitrary: GOOD[c], weight: 9 },
            { arbitrary: fc.constantFrom(...POOL[c]), weight: 1 },
          )
        : fc.constant('x'),
    ]),
  ) as Record<string, fc.Arbitrary<Value>>,
)

/**
 * Stages `data` as a file's rows and runs the checks as land.ts does (on a session of its own, as
 * each file gets: its statements are prepared against that file's staging tables); returns each
 * row's verdict.
 */
async function verdicts(
  store: Store,
  data: Record<string, Value>[],
  landed: string[] = [],
  reference = false,
) {
  return store.session((s) => verdictsIn(s, data, landed, reference))
}

async function verdictsIn(
  s: Session,
  data: Record<string, Value>[],
  landed: string[],
  reference: boolean,
) {
  await s.run('ingest/session-utc')
  await s.run('fixture/rules-stage-rows', { rows: JSON.stringify(data) })
  await s.run('fixture/delete-payments')
  await insertFixturePayments(
    s,
    landed.map((tx_id) => ({
      tx_id,
      ts: '2024-01-01',
      amount: '1',
      currency: 'EUR',
      debtor_account: 'A',
      creditor_account: 'B',
      file_id: 'f0',
      source_row: 2,
    })),
  )
  await checkStaged(s, { now: new Date('2024-06-01T00:00:00Z'), futureHours: 24, reference })
  await checkAgainstLanded(s, reference)
  return s.all<{ source_row: number; ok: boolean | null; rule: string | null; row: string }>(
    'fixture/rules-verdicts',
  )
}

describe('validation rules: fast forms', () => {
  it('`ok` never passes a row that breaks a rule, and passes most good rows', async () => {
    await withStore(async (store) => {
      {
        let good = 0
        let passed = 0
        await fc.assert(
          fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (data) => {
            const v = await verdicts(store, data, ['T4'])
            expect(v).toHaveLength(data.length)
            for (const r of v) {
              if (r.ok) expect(r.rule, JSON.stringify(data[Number(r.source_row) - 2])).toBeNull()
              if (r.rule === null) good++
              if (r.ok) passed++
            }
          }),
          { numRuns: 150, seed: 20261126 },
        )
        // fields of a kind no value of which needs clean-up are taken as read, and a file with
        // nothing to look up skips the lookups: the same rows, verdicts and cleaned values as
        // cleaning every field and joining every lookup
        await fc.assert(
          fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (data) => {
            const lean = await verdicts(store, data, ['T4'])
            const full = await verdicts(store, data, ['T4'], true)
            expect(lean).toEqual(full)
          }),
          { numRuns: 60, seed: 20261201 },
        )
        // the quick test is worth having only if it passes the common good row
        expect(good).toBeGreaterThan(50)
        expect(passed / good).toBeGreaterThan(0.5)
      }
    })
  })

  it('every rule fires on the rows built for it', async () => {
    await withStore(async (store) => {
      {
        const base: Record<string, Value> = {
          ...Object.fromEntries(TRANSFER_COLUMNS.map((c) => [c, null])),
          tx_id: 'G1',
          ts: '2024-05-01T10:00:00Z',
          amount: '10.00',
          currency: 'EUR',
          debtor_account: 'DE89370400440532013000',
          creditor_account: 'GB82WEST12345698765432',
        }
        const cases: [Partial<Record<string, Value>>, string | null][] = [
          [{}, null],
          [{ amount: '+10.50' }, null],
          [{ amount: '10.500' }, null],
          [{ currency: 'JPY', amount: '100' }, null],
          [{ currency: 'JPY', amount: '100.00' }, null],
          [{ tx_id: null }, 'missing_field:tx_id'],
          [{ ts: '2024-13-01' }, 'bad_timestamp:ts'],
          [{ ts: '-infinity' }, 'bad_timestamp:ts'],
          [{ ts: 'infinity' }, 'bad_timestamp:ts'],
          [{ ts: 'epoch' }, 'bad_timestamp:ts'],
          [{ ts: '2024-06-03T00:00:00Z' }, 'future_timestamp:ts'],
          [{ amount: '1e3' }, 'bad_amount:amount'],
          [{ amount: '0.00' }, 'nonpositive_amount:amount'],
          [{ amount: '12345678901234567' }, 'amount_too_large:amount'],
          [{ amount: '00000000000000001' }, 'amount_too_large:amount'],
          [{ amount: '1.005' }, 'amount_scale:amount'],
          [{ currency: 'XYZ' }, 'unknown_currency:currency'],
          [{ debtor_account: 'DE89370400440532013001' }, 'bad_iban:debtor_account'],
          [{ creditor_account: 'DE8937040044053201300' }, 'bad_iban:creditor_account:length'],
          [{ creditor_account: 'DE89370400440532013000' }, 'same_account:creditor_account'],
          [{ debtor_bank: 'COBADEF' }, 'bad_bic:debtor_bank'],
          [{ creditor_bank: 'COBAQQFF' }, 'bad_bic:creditor_bank'],
          [{ debtor_country: 'XX' }, 'unknown_country:debtor_country'],
          [{ hs_code: '8457.' }, 'bad_hs_code:hs_code'],
          [{ tx_id: 'T4' }, 'tx_id_exists:tx_id'],
        ]
        const data = cases.map(([c], i) => ({ ...base, tx_id: `G${i}`, ...c }))
        const v = await verdicts(store, data, ['T4'])
        expect(v.map((r) => r.rule)).toEqual(cases.map(([, rule]) => rule))
        // the same tx_id twice: the second row is the duplicate of the first
        const d = await verdicts(store, [base, base])
        expect(d.map((r) => r.rule)).toEqual([null, 'duplicate_tx_id:tx_id:2'])
        // missing tx_ids are no duplicates of each other, and do not hide a duplicate
        const m = await verdicts(store, [base, { ...base, tx_id: null }, base])
        expect(m.map((r) => r.rule)).toEqual([
          null,
          'missing_field:tx_id',
          'duplicate_tx_id:tx_id:2',
        ])
      }
    })
  })

  it('the cheaper macros answer as the expressions they replaced', async () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'ABCDEFZ019 .-\t\r\nÄa'.split('')), maxLength: 14 }),
      fc.constantFrom('COBADEFFXXX', 'COBADEFF', '8457.10', ' DE89 3704 0044 0532 0130 00 ', ''),
      // IBAN-like: country letters, check digits, a BBAN of 9 to 32 characters, now and then a
      // character that does not belong
      fc
        .tuple(
          fc.constantFrom('DE', 'GB', 'FR', 'zz', 'D1'),
          fc.constantFrom('89', '00', '7a'),
          fc.string({ unit: fc.constantFrom(...'0123456789ABZ-'), minLength: 9, maxLength: 32 }),
        )
        .map(([a, b, c]) => a + b + c),
    )
    await withStore(async (store) => {
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 50 }), async (values) => {
          const out = await store.all('fixture/rules-macros', { values: JSON.stringify(values) })
          for (const r of out)
            expect(r, JSON.stringify(r.s)).toMatchObject({
              clean: true,
              account: true,
              bic: true,
              hs: true,
            })
        }),
        { numRuns: 200, seed: 7 },
      )
    })
  })

  it('the IBAN macros agree with an ISO 13616 reference in BigInt arithmetic', async () => {
    // the reference: first four characters to the end, letters as 10..35, the number mod 97 is 1
    const reference = (s: string) =>
      BigInt(
        (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55)),
      ) %
        97n ===
      1n
    const shaped = (s: string) => /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(s)
    const candidate = fc
      .tuple(
        fc.constantFrom('DE', 'GB', 'FR', 'NL', 'MT', 'LC', 'zz', 'D1'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 2, maxLength: 2 }),
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 32 }),
          fc.string({ unit: fc.constantFrom(...'0123456789ABCZ'), minLength: 9, maxLength: 32 }),
          fc.string({ unit: fc.constantFrom(...'0123456789E.-'), minLength: 9, maxLength: 32 }),
        ),
      )
      .map(([a, b, c]) => a + b + c)
    // valid IBANs are rare among random strings: each gets its check digits set right too
    const fixed = candidate.map((s) => {
      if (!shaped(s)) return s
      const r =
        BigInt(
          (s.slice(4) + s.slice(0, 2) + '00').replace(/[A-Z]/g, (ch) =>
            String(ch.charCodeAt(0) - 55),
          ),
        ) % 97n
      return s.slice(0, 2) + String(98n - r).padStart(2, '0') + s.slice(4)
    })
    await withStore(async (store) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(candidate, fixed), { minLength: 1, maxLength: 40 }),
          async (values) => {
            const out = await store.all('fixture/rules-iban-faults', {
              values: JSON.stringify(values),
            })
            for (const r of out) {
              const s = String(r.s)
              expect(r.fast_same, s).toBe(true)
              if (!shaped(s)) {
                expect(r.ok, s).toBeNull()
                expect(r.fault, s).toBeNull()
              } else {
                expect(r.ok, s).toBe(reference(s))
                expect(r.fault, s).toBe(reference(s) ? null : 'check')
              }
            }
          },
        ),
        { numRuns: 100, seed: 13616 },
      )
    })
  })

  it('timestamps land as the UTC wall clock of the instant, as a cast under TimeZone UTC', async () => {
    await withStore(async (store) => {
      const values = [
        '2024-05-01T10:00:00Z',
        '2024-05-01T10:00:00+02:00',
        '2024-05-01T10:00:00.123456-05:30',
        '2024-06-01T10:00:00 America/New_York',
        '1999-12-31 23:59:59.999999',
        '2024-05-01',
      ]
      await store.run('ingest/session-utc')
      const out = await store.all('fixture/timestamp-casts', { values: JSON.stringify(values) })
      expect(out.map((r) => r.same)).toEqual(values.map(() => true))
    })
  })
})
