// Planted screening cases: payments to a listed party (named with a variant of its list name), and
// goods mismatches (vague wording with a controlled HS code, on a route through a hub or a
// sanctioned jurisdiction).
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { controlledGood, formatHs, VAGUE_DESCRIPTIONS } from './goods.ts'
import type { Draft, DraftTx, Kit } from './kit.ts'
import { EU_LOW } from './kit.ts'
import { invoiceRef } from './purposes.ts'

/** 1–3 payments from one payer to a listed party. */
export function sanctions(kit: Kit): Draft {
  const { rng } = kit
  const payer = rng.chance(0.5) ? kit.existing('company') : kit.reg.company(rng.pick(EU_LOW))
  const listed = kit.listedParty()
  const n = rng.int(1, 3)
  const txs: DraftTx[] = []
  let t = 0
  for (let i = 0; i < n; i++) {
    if (i > 0) t += kit.hours(30, 2, 100)
    txs.push({ at: t, amount: kit.size(4_000, 350_000), debtor: payer, creditor: listed })
  }
  return { txs, params: { payments: n } }
}

/** 1–2 trade payments declaring vague goods under a controlled HS code on a risky route. */
export function goodsMismatch(kit: Kit): Draft {
  const { rng } = kit
  const viaHub = rng.chance(0.6)
  // A hub front pays the EU exporter (or another hub), or a buyer in a sanctioned country pays a hub.
  const payer = kit.reg.company(rng.pick(viaHub ? HUB_COUNTRIES : SANCTIONED_COUNTRIES))
  const payee = viaHub
    ? kit.reg.company(
        rng.chance(0.6)
          ? rng.pick(EU_LOW)
          : rng.pick(HUB_COUNTRIES.filter((c) => c !== payer.country)),
      )
    : kit.reg.company(rng.pick(HUB_COUNTRIES))
  const n = rng.int(1, 2)
  const good = controlledGood(rng)
  const txs: DraftTx[] = []
  for (let i = 0; i < n; i++) {
    const vague = rng.pick(VAGUE_DESCRIPTIONS)
    txs.push({
      at: i * kit.hours(48, 4, 120),
      amount: kit.size(8_000, 400_000),
      debtor: payer,
      creditor: payee,
      purpose: rng.chance(0.5)
        ? `${vague} ${invoiceRef(rng, payer.country)}`
        : `${invoiceRef(rng, payer.country)} ${vague}`,
      hs: formatHs(rng, good.hs),
    })
  }
  return {
    txs,
    params: { payments: n, hs: good.hs, route: viaHub ? 'hub-payer' : 'sanctioned-payer' },
  }
}
