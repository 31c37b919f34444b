// pacs.008 bulk-file benchmark (npm run bench:pacs008; run under `flock /tmp/ringwatch-bench.lock`):
// writes one ISO 20022 pacs.008.001.08 message of 100,000 transactions (about 130 MB), then reads it
// in a fresh process each way and prints time and peak memory (max RSS):
//  - stream: the reader (saxes, one transaction held at a time, batches of 65,536 rows);
//  - document: the whole file read and parsed into one tree first, then the same rows and batches
//    (what the reader did before).
// Each way runs RUNS times; medians are printed.
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { readPacs008 } from '../src/ingest/index.ts'
import { pacs008Row } from '../src/ingest/readers/pacs008.ts'
import { BatchBuilder } from '../src/ingest/arrow-batch.ts'
import { findAll, parseXml } from '../src/ingest/xml.ts'

const TXS = Number(process.env.TXS ?? 100_000)
const RUNS = Number(process.env.RUNS ?? 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function writeMessage(file: string): Promise<void> {
  const out = createWriteStream(file)
  const w = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await w(`<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="urn:swift:xsd:envelope"><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><BizMsgIdr>BULK-1</BizMsgIdr></AppHdr>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>BULK-1</MsgId><CreDtTm>2026-03-01T08:00:00Z</CreDtTm><NbOfTxs>${TXS}</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>\n`)
  for (let i = 0; i < TXS; i++)
    await w(`<CdtTrfTxInf><PmtId><InstrId>I${i}</InstrId><EndToEndId>E2E-${i}</EndToEndId><UETR>00000000-0000-4000-8000-${String(i).padStart(12, '0')}</UETR></PmtId>
<IntrBkSttlmAmt Ccy="EUR">${(100 + (i % 90_000)).toFixed(2)}</IntrBkSttlmAmt><IntrBkSttlmDt>2026-03-0${1 + (i % 9)}</IntrBkSttlmDt><ChrgBr>SHAR</ChrgBr>
<Dbtr><Nm>Debtor ${i % 5000} Handels GmbH &amp; Co. KG</Nm><PstlAdr><Ctry>DE</Ctry></PstlAdr></Dbtr><DbtrAcct><Id><Othr><Id>D${i % 5000}</Id></Othr></Id></DbtrAcct>
<DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>WESTGB2L</BICFI></FinInstnId></CdtrAgt>
<Cdtr><Nm>Creditor ${i % 7000} Trading Ltd</Nm><PstlAdr><Ctry>GB</Ctry></PstlAdr></Cdtr><CdtrAcct><Id><Othr><Id>C${i % 7000}</Id></Othr></Id></CdtrAcct>
<RmtInf><Ustrd>Invoice ${i} spare parts</Ustrd></RmtInf></CdtTrfTxInf>\n`)
  await w('</FIToFICstmrCdtTrf></Document></Envelope>\n')
  out.end()
  await once(out, 'finish')
}

async function child(mode: string, file: string) {
  const t0 = performance.now()
  let rows = 0
  if (mode === 'stream') {
    for await (const b of readPacs008(file, { batchRows: 65_536 })) rows += b.numRows
  } else {
    // the reader before: the whole file parsed into one tree, then the same rows and batches
    const root = parseXml(readFileSync(file, 'utf8'))
    const builder = new BatchBuilder(65_536)
    for (const doc of findAll(root, 'FIToFICstmrCdtTrf')) {
      const grpHdr = doc.children.find((c) => c.name === 'GrpHdr')
      for (const tx of doc.children.filter((c) => c.name === 'CdtTrfTxInf')) {
        const { values, extra } = pacs008Row(tx, grpHdr)
        builder.add(++rows, values, JSON.stringify(extra))
        if (builder.full()) builder.flush()
      }
    }
    builder.flush()
  }
  const ms = performance.now() - t0
  // maxRSS is in kilobytes
  console.log(JSON.stringify({ rows, ms, max_rss_mb: process.resourceUsage().maxRSS / 1024 }))
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rw-bench-pacs-'))
  const file = join(dir, 'bulk.xml')
  try {
    await writeMessage(file)
    console.log(
      `pacs.008: one message of ${TXS.toLocaleString('en')} transactions, ${(statSync(file).size / 1e6).toFixed(0)} MB`,
    )
    const results: Record<string, { ms: number[]; rss: number[] }> = {}
    for (let run = 0; run < RUNS; run++)
      for (const mode of ['stream', 'document']) {
        const r = spawnSync(process.execPath, ['bin/run-ts', 'bench/pacs008.ts', mode, file], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        })
        if (r.status !== 0) throw new Error(`${mode} run failed: ${r.stderr}`)
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!)
        if (out.rows !== TXS) throw new Error(`${mode} read ${out.rows} of ${TXS} transactions`)
        ;(results[mode] ??= { ms: [], rss: [] }).ms.push(out.ms)
        results[mode].rss.push(out.max_rss_mb)
        console.log(
          `  run ${run + 1} ${mode.padEnd(8)}: ${(out.ms / 1000).toFixed(2)} s, peak RSS ${out.max_rss_mb.toFixed(0)} MB`,
        )
      }
    for (const [mode, r] of Object.entries(results))
      console.log(
        `${mode} median: ${(median(r.ms) / 1000).toFixed(2)} s, peak RSS ${median(r.rss).toFixed(0)} MB`,
      )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const [mode, file] = process.argv.slice(2)
if (mode) await child(mode, file)
else await main()
