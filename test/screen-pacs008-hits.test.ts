// What a pacs.008 message says about a party reaches its hit: a creditor identified as a private
// person (PrvtId) with a date of birth is matched against a listed person's weak alias; the date of
// birth is the second signal that raises it, and the entity type agrees; another date of birth
// names another person, and a company (OrgId) against a listed person disagrees in its parts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store/index.ts'
import { importList, readScreening, screenWindow } from '../src/screen/index.ts'
import { ingestPaths, IngestConfig } from '../src/ingest/index.ts'
import { parseConfig } from '../src/config/index.ts'

const { config } = parseConfig({})
const WINDOW = { from: '2026-03-01', to: '2026-03-31' }

const SDN = [
  `2,"AL-SHARIKH, Abdul Mohsen Abdullah Ibrahim","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 May 1970; nationality Saudi Arabia; a.k.a. 'KARIMI, Ali'."`,
  `7,"NOORI, Reza","individual","IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1961; nationality Iran."`,
].join('\n')

const party = (name: string, id: string) =>
  `<Nm>${name}</Nm><PstlAdr><Ctry>DE</Ctry></PstlAdr>${id}`
const person = (birth: string) =>
  `<Id><PrvtId><DtAndPlcOfBirth><BirthDt>${birth}</BirthDt><CityOfBirth>X</CityOfBirth><CtryOfBirth>DE</CtryOfBirth></DtAndPlcOfBirth></PrvtId></Id>`
const org = '<Id><OrgId><AnyBIC>NOORDEFFXXX</AnyBIC></OrgId></Id>'

function tx(i: number, creditor: string, account: string): string {
  return `<CdtTrfTxInf><PmtId><EndToEndId>E2E-${i}</EndToEndId></PmtId>
<IntrBkSttlmAmt Ccy="EUR">1000.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-03-0${i}</IntrBkSttlmDt>
<Dbtr>${party('Ringwatch Testzahler GmbH', '')}</Dbtr>
<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
<DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
<CdtrAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></CdtrAgt>
<Cdtr>${creditor}</Cdtr><CdtrAcct><Id><Othr><Id>${account}</Id></Othr></Id></CdtrAcct>
<RmtInf><Ustrd>Rechnung ${i}</Ustrd></RmtInf></CdtTrfTxInf>`
}

let dir: string
let store: Store

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-pacs-hits-'))
  writeFileSync(join(dir, 'sdn.csv'), SDN + '\n')
  writeFileSync(
    join(dir, 'm.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M1</MsgId><NbOfTxs>3</NbOfTxs></GrpHdr>
${tx(1, party('Ali Karimi', person('1970-05-12')), 'KARIMI-1970')}
${tx(2, party('Ali Karimi', person('1988-01-30')), 'KARIMI-1988')}
${tx(3, party('Reza Noori', org), 'NOORI-ORG')}
</FIToFICstmrCdtTrf></Document>`,
  )
  store = await openStore({ path: ':memory:' })
  const s = await ingestPaths(store, [join(dir, 'm.xml')], {
    config: IngestConfig.parse({}),
    now: () => new Date('2026-03-10T00:00:00Z'),
  })
  expect(s.totals).toMatchObject({ rows_read: 3, rows_accepted: 3 })
  await importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions', screen: config.screen })
  await screenWindow(store, WINDOW, config.screen)
}, 60_000)

afterAll(async () => {
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('pacs.008 party identification in hits', () => {
  it('raises a weak alias on the date of birth the message carries; the person agrees', async () => {
    const ctx = await readScreening(store, WINDOW)
    const [h] = ctx.hitsByAccount.get('KARIMI-1970') ?? []
    expect(h).toMatchObject({
      entry_id: '2',
      name_kind: 'weakAlias',
      rule: 'weak-alias+birth-date',
      signals: ['birth-date'],
    })
    expect(h.parts).toMatchObject({
      birth_date: 'agree',
      entity_type: 'agree',
      country: 'disagree',
    })
  })

  it('holds back the same weak alias with another date of birth', async () => {
    const ctx = await readScreening(store, WINDOW)
    expect(ctx.hitsByAccount.get('KARIMI-1988') ?? []).toEqual([])
  })

  it('shows an organisation (OrgId) against a listed person as an entity-type disagreement', async () => {
    const ctx = await readScreening(store, WINDOW)
    const hits = ctx.hitsByAccount.get('NOORI-ORG') ?? []
    // the name alone is a person's: without the message's OrgId this would be 'unknown'
    expect(hits).toHaveLength(1)
    expect(hits[0].parts).toMatchObject({
      entity_type: 'disagree',
      adjustments: { entity_type: -0.1 },
    })
    expect(hits[0].score).toBeLessThan(hits[0].parts!.name)
  })
})
