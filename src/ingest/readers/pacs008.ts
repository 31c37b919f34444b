// ISO 20022 pacs.008.001.xx (FI to FI customer credit transfer) reader: one canonical row per
// CdtTrfTxInf, with or without a SWIFT envelope / business application header, any namespace
// prefixes. source_row is the transaction's 1-based position in the message.
// tx_id: UETR when present (globally unique by design), else EndToEndId (not 'NOTPROVIDED').
import { readFile } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import type { RecordBatch } from 'apache-arrow'
import { UnreadableFileError } from '../../util/errors.ts'
import { BatchBuilder, type RowValues } from '../batch.ts'
import { child, findAll, parseXml, textOf, type XmlElement } from '../xml.ts'

const usable = (s: string | null) => (s && s.toUpperCase() !== 'NOTPROVIDED' ? s : null)

function account(acct: XmlElement | undefined): string | null {
  return usable(textOf(acct, 'Id', 'IBAN')) ?? usable(textOf(acct, 'Id', 'Othr', 'Id'))
}

function bic(agent: XmlElement | undefined): string | null {
  return textOf(agent, 'FinInstnId', 'BICFI') ?? textOf(agent, 'FinInstnId', 'BIC')
}

function country(party: XmlElement | undefined): string | null {
  return textOf(party, 'PstlAdr', 'Ctry') ?? textOf(party, 'CtryOfRes')
}

/** The canonical fields and extras of one CdtTrfTxInf. */
export function pacs008Row(
  tx: XmlElement,
  grpHdr?: XmlElement,
): { values: RowValues; extra: Record<string, string | null> } {
  const e2e = usable(textOf(tx, 'PmtId', 'EndToEndId'))
  const uetr = usable(textOf(tx, 'PmtId', 'UETR'))
  const amt = child(tx, 'IntrBkSttlmAmt')
  const dbtr = child(tx, 'Dbtr')
  const cdtr = child(tx, 'Cdtr')
  const ustrd = (child(tx, 'RmtInf')?.children ?? [])
    .filter((c) => c.name === 'Ustrd')
    .map((c) => c.text.trim())
  const values: RowValues = {
    tx_id: uetr ?? e2e,
    ts: textOf(tx, 'AccptncDtTm') ?? textOf(tx, 'IntrBkSttlmDt') ?? textOf(grpHdr, 'IntrBkSttlmDt'),
    amount: amt ? amt.text.trim() : null,
    currency: amt?.attrs.Ccy ?? null,
    debtor_account: account(child(tx, 'DbtrAcct')),
    debtor_name: textOf(dbtr, 'Nm'),
    debtor_country: country(dbtr),
    debtor_bank: bic(child(tx, 'DbtrAgt')),
    creditor_account: account(child(tx, 'CdtrAcct')),
    creditor_name: textOf(cdtr, 'Nm'),
    creditor_country: country(cdtr),
    creditor_bank: bic(child(tx, 'CdtrAgt')),
    purpose: ustrd.length ? ustrd.join(' ') : null,
    hs_code: null,
  }
  const extra = {
    msg_id: textOf(grpHdr, 'MsgId'),
    end_to_end_id: e2e,
    uetr,
    instr_id: textOf(tx, 'PmtId', 'InstrId'),
    settlement_date: textOf(tx, 'IntrBkSttlmDt'),
    instructed_amount: textOf(tx, 'InstdAmt'),
    instructed_currency: child(tx, 'InstdAmt')?.attrs.Ccy ?? null,
    charge_bearer: textOf(tx, 'ChrgBr'),
  }
  return { values, extra }
}

export async function* readPacs008(
  path: string,
  opts: { batchRows: number },
): AsyncGenerator<RecordBatch> {
  let root: XmlElement
  try {
    const bytes = await readFile(path)
    if (!isUtf8(bytes)) throw new Error('not valid UTF-8 (ISO 20022 messages are UTF-8)')
    root = parseXml(bytes.toString('utf8'))
  } catch (e) {
    throw new UnreadableFileError(`${path}: ${(e as Error).message}`, { file: path }, { cause: e })
  }
  const docs = findAll(root, 'FIToFICstmrCdtTrf')
  if (!docs.length)
    throw new UnreadableFileError(`${path}: no FIToFICstmrCdtTrf element: not a pacs.008 message`, {
      file: path,
    })
  const builder = new BatchBuilder(opts.batchRows)
  let n = 0
  for (const doc of docs) {
    const grpHdr = child(doc, 'GrpHdr')
    for (const tx of doc.children.filter((c) => c.name === 'CdtTrfTxInf')) {
      const { values, extra } = pacs008Row(tx, grpHdr)
      builder.add(++n, values, JSON.stringify(extra))
      if (builder.full()) yield builder.flush()!
    }
  }
  const last = builder.flush()
  if (last) yield last
}
