// The real ISO 20022 pacs.008.001.08 messages in ../shared/data/pacs008 (CBPR+, SWIFT envelope,
// prefixed namespaces) parse to the fields read from the XML by hand, and land.
import { describe, it, expect } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withStore } from '../src/store/index.ts'
import { ingestPaths, IngestConfig, readPacs008 } from '../src/ingest/index.ts'
import { UnreadableFileError } from '../src/util/errors.ts'
import { landedPayments, quarantineRows } from './fixtures/reads.ts'
import { sharedFiles } from './required.ts'

const [DATA = ''] = sharedFiles('pacs.008 samples', ['pacs008'])
const present = DATA !== ''

async function rowsOf(file: string) {
  const out: Record<string, unknown>[] = []
  for await (const b of readPacs008(file, { batchRows: 100 }))
    for (let i = 0; i < b.numRows; i++) out.push(b.get(i)!.toJSON())
  return out
}

describe.skipIf(!present)('pacs.008 samples', () => {
  it('C_D: debtor and creditor with proprietary account ids, settlement date as ts', async () => {
    const [r, ...rest] = await rowsOf(join(DATA, 'p_2_1_1_mt103_pacs_008_C_D.xml'))
    expect(rest).toHaveLength(0)
    expect(r).toMatchObject({
      source_row: 1n,
      tx_id: '8a562c67-ca16-48ba-b074-65581be6f001',
      ts: '2021-04-09',
      amount: '15669.38',
      currency: 'EUR',
      debtor_name: 'C Consumer',
      debtor_account: '12547896',
      debtor_country: 'GB',
      debtor_bank: 'RBOSGB2LXXX',
      creditor_name: 'Evli',
      creditor_account: '98653214',
      creditor_country: 'FI',
      creditor_bank: 'HELSFIHHXXX',
      purpose: '/ROC/pacs008EndToEndId-001',
    })
    expect(JSON.parse(String(r.extra))).toMatchObject({
      end_to_end_id: 'pacs008EndToEndId-001',
      uetr: '8a562c67-ca16-48ba-b074-65581be6f001',
      msg_id: 'pacs8bizmsgidr03',
    })
  })

  it('A_B: USD amount without decimals', async () => {
    const [r] = await rowsOf(join(DATA, 'p_2_1_2_mt103_pacs_008_A_B.xml'))
    expect(r).toMatchObject({
      tx_id: '174c245f-2682-4291-ad67-2a41e530cd27',
      ts: '2021-05-11',
      amount: '136500',
      currency: 'USD',
      purpose: '/ROC/E2E04044506271305',
    })
  })

  it('A_D b: NOTPROVIDED debtor account and no creditor account lands in quarantine', async () => {
    const [r] = await rowsOf(join(DATA, 'p_2_3_1_b_mt103_pacs_008_A_D.xml'))
    expect(r).toMatchObject({ amount: '591636', currency: 'DKK', debtor_name: 'A Debiter' })
    expect(r.debtor_account).toBeNull()
    expect(r.creditor_account).toBeNull()
  })

  it('lands the four messages: one transfer each, reasons for the rest', async () => {
    await withStore(async (store) => {
      const s = await ingestPaths(store, [DATA], {
        config: IngestConfig.parse({}),
        now: () => new Date('2026-01-01T00:00:00Z'),
      })
      expect(s.totals).toMatchObject({ files: 4, landed: 4, rows_read: 4 })
      expect(await landedPayments(store)).toMatchObject([
        {
          tx_id: '174c245f-2682-4291-ad67-2a41e530cd27',
          ts: '2021-05-11 00:00:00',
          amount: '136500.00',
          currency: 'USD',
        },
        {
          tx_id: '7a562c67-ca16-48ba-b074-65581be6f001',
          ts: '2022-10-20 00:00:00',
          amount: '65784.32',
          currency: 'EUR',
        },
        {
          tx_id: '8a562c67-ca16-48ba-b074-65581be6f001',
          ts: '2021-04-09 00:00:00',
          amount: '15669.38',
          currency: 'EUR',
        },
      ])
      expect(await quarantineRows(store)).toMatchObject([
        {
          path: join(DATA, 'p_2_3_1_b_mt103_pacs_008_A_D.xml'),
          reason_code: 'missing_field',
          column_name: 'debtor_account',
        },
      ])
    })
  })
})

describe('pacs.008 reader', () => {
  it('takes IBANs, AccptncDtTm, several Ustrd lines; default namespace, no envelope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-pacs-'))
    try {
      const file = join(dir, 'm.xml')
      writeFileSync(
        file,
        `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M1</MsgId><NbOfTxs>2</NbOfTxs></GrpHdr>
<CdtTrfTxInf><PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
<IntrBkSttlmAmt Ccy="EUR">10.50</IntrBkSttlmAmt><IntrBkSttlmDt>2024-05-01</IntrBkSttlmDt>
<AccptncDtTm>2024-05-01T09:30:00.5+02:00</AccptncDtTm>
<Dbtr><Nm>A &amp; B &lt;Trading&gt;</Nm><CtryOfRes>DE</CtryOfRes></Dbtr>
<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
<DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
<CdtrAgt><FinInstnId><BICFI>WESTGB2L</BICFI></FinInstnId></CdtrAgt>
<Cdtr><Nm><![CDATA[C <Ltd>]]></Nm></Cdtr>
<CdtrAcct><Id><IBAN>GB82WEST12345698765432</IBAN></Id></CdtrAcct>
<RmtInf><Ustrd>INV 1</Ustrd><Ustrd>CNC parts</Ustrd></RmtInf></CdtTrfTxInf>
<CdtTrfTxInf><PmtId><EndToEndId>NOTPROVIDED</EndToEndId><UETR>u-2</UETR></PmtId>
<IntrBkSttlmAmt Ccy="JPY">500</IntrBkSttlmAmt></CdtTrfTxInf>
</FIToFICstmrCdtTrf></Document>`,
      )
      const rows = await rowsOf(file)
      expect(rows[0]).toMatchObject({
        tx_id: 'E2E-1',
        ts: '2024-05-01T09:30:00.5+02:00',
        debtor_name: 'A & B <Trading>',
        debtor_country: 'DE',
        debtor_account: 'DE89370400440532013000',
        creditor_name: 'C <Ltd>',
        purpose: 'INV 1 CNC parts',
      })
      expect(rows[1]).toMatchObject({ source_row: 2n, tx_id: 'u-2', ts: null, currency: 'JPY' })
      writeFileSync(file, '<Document><FIToFICstmrCdtTrf><GrpHdr></FIToFICstmrCdtTrf>')
      await expect(rowsOf(file)).rejects.toBeInstanceOf(UnreadableFileError)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
