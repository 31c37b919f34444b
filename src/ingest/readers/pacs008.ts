// ISO 20022 pacs.008.001.xx (FI to FI customer credit transfer) reader: one canonical row per
// CdtTrfTxInf, with or without a SWIFT envelope / business application header, any namespace
// prefixes. source_row is the transaction's 1-based position in the message.
// tx_id: UETR when present (globally unique by design), else EndToEndId (not 'NOTPROVIDED').
// The file streams through saxes: only the transaction being read and the current batch are held,
// so a bulk file of any size lands in bounded memory.
import { createReadStream } from 'node:fs'
import type { RecordBatch } from 'apache-arrow'
import { UnreadableFileError } from '../../util/errors.ts'
import { BatchBuilder, type RowValues } from '../arrow-batch.ts'
import { child, textOf, XmlStream, type XmlElement } from '../xml.ts'

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

/** 'person' or 'organisation' as the party's identification says (PrvtId, OrgId), else null. */
function partyType(party: XmlElement | undefined): string | null {
  return child(party, 'Id', 'PrvtId')
    ? 'person'
    : child(party, 'Id', 'OrgId')
      ? 'organisation'
      : null
}

function birthDate(party: XmlElement | undefined): string | null {
  return textOf(party, 'Id', 'PrvtId', 'DtAndPlcOfBirth', 'BirthDt')
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
    debtor_type: partyType(dbtr),
    creditor_type: partyType(cdtr),
    debtor_birth_date: birthDate(dbtr),
    creditor_birth_date: birthDate(cdtr),
  }
  return { values, extra }
}

const KEEP = new Set(['GrpHdr', 'CdtTrfTxInf'])

export async function* readPacs008(
  path: string,
  opts: { batchRows: number },
): AsyncGenerator<RecordBatch> {
  const builder = new BatchBuilder(opts.batchRows)
  const ready: RecordBatch[] = []
  let grpHdr: XmlElement | undefined
  let docs = 0
  let n = 0
  const xml = new XmlStream(KEEP, (el, ancestors) => {
    // only the group header and transactions of an FIToFICstmrCdtTrf
    if (ancestors[ancestors.length - 1] !== 'FIToFICstmrCdtTrf') return
    if (el.name === 'GrpHdr') {
      grpHdr = el
      docs++
      return
    }
    const { values, extra } = pacs008Row(el, grpHdr)
    builder.add(++n, values, JSON.stringify(extra))
    if (builder.full()) ready.push(builder.flush()!)
  })
  const fail = (e: unknown): never => {
    throw new UnreadableFileError(`${path}: ${(e as Error).message}`, { file: path }, { cause: e })
  }
  // ISO 20022 messages are UTF-8: a byte sequence that is not fails the file
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      let text: string
      try {
        text = utf8.decode(chunk as Buffer, { stream: true })
      } catch {
        throw new Error('not valid UTF-8 (ISO 20022 messages are UTF-8)')
      }
      xml.write(text)
      while (ready.length) yield ready.shift()!
    }
    xml.write(utf8.decode())
    xml.close()
  } catch (e) {
    fail(e)
  }
  if (docs === 0 && n === 0)
    throw new UnreadableFileError(`${path}: no FIToFICstmrCdtTrf element: not a pacs.008 message`, {
      file: path,
    })
  while (ready.length) yield ready.shift()!
  const last = builder.flush()
  if (last) yield last
}
