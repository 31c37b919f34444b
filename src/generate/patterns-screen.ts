// Planted screening cases:
//   sanctions — payments to (or from) a party on a watch list, named in the payment with a variant of
//     its list name, directly or through a front company in a diversion hub (FATF, "Guidance on
//     Counter Proliferation Financing", 2021: front companies and intermediaries in third countries);
//   goods_mismatch — trade payments that declare one kind of goods under the HS code of another:
//     consumer wording ("household electronics", "kitchen appliances", toys, furniture …) on a code of
//     the Common High Priority List (semiconductors 8541/8542, navigation instruments 9014, bearings,
//     UAV parts …), sometimes the HS 2017 code the 2022 edition split (8541.40 → 8541.41–49), on a
//     route through a hub, from a sanctioned country, or between ordinary EU firms (FATF/Egmont,
//     "Trade-Based Money Laundering: Risk Indicators", 2021: goods descriptions inconsistent with
//     the HS code).
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { CONSUMER_DESCRIPTIONS, controlledGood, formatHs, HS2017_SUCCESSORS } from './goods.ts'
import type { Draft, DraftTx, Kit } from './kit.ts'
import { EU_LOW } from './kit.ts'
import { invoiceRef } from './purposes.ts'

/** 1–4 payments between a payer and a listed party, some through a front in a hub. */
export function sanctions(kit: Kit): Draft {
  const { rng } = kit
  const payer = rng.chance(0.5) ? kit.existing('company') : kit.reg.company(rng.pick(EU_LOW))
  const listed = kit.listedParty()
  const viaFront = rng.chance(0.3)
  const front = viaFront ? kit.reg.company(rng.pick(HUB_COUNTRIES)) : null
  const outward = !viaFront && rng.chance(0.2)
  const n = rng.int(1, 4)
  const txs: DraftTx[] = []
  let t = 0
  for (let i = 0; i < n; i++) {
    if (i > 0) t += kit.gap()
    const eur = kit.value(4_000, 400_000)
    if (front) {
      txs.push({ at: t, eur, currency: kit.currency(payer, front), debtor: payer, creditor: front })
      const c = kit.currency(front, listed)
      txs.push({
        at: t + kit.gap(),
        eur: kit.passOn(eur, txs[txs.length - 1].currency, c, 0.02),
        currency: c,
        debtor: front,
        creditor: listed,
      })
    } else {
      const [d, c] = outward ? [listed, payer] : [payer, listed]
      txs.push({ at: t, eur, currency: kit.currency(d, c), debtor: d, creditor: c })
    }
  }
  return {
    txs,
    params: { payments: n, via_front: viaFront, direction: outward ? 'from_listed' : 'to_listed' },
  }
}

/** 1–3 trade payments declaring consumer goods under a controlled HS code. */
export function goodsMismatch(kit: Kit): Draft {
  const { rng } = kit
  const route = rng.weighted([
    ['hub', 5],
    ['sanctioned', 2],
    ['plain', 3],
  ] as const)
  const payer = kit.reg.company(
    route === 'sanctioned'
      ? rng.pick(SANCTIONED_COUNTRIES)
      : route === 'hub'
        ? rng.pick(HUB_COUNTRIES)
        : rng.pick(EU_LOW),
  )
  const payee = kit.reg.company(
    route === 'plain'
      ? rng.pick(EU_LOW.filter((c) => c !== payer.country))
      : rng.chance(0.6)
        ? rng.pick(EU_LOW)
        : rng.pick(HUB_COUNTRIES.filter((c) => c !== payer.country)),
  )
  const old = rng.chance(0.25)
  const hs = old ? rng.pick(Object.keys(HS2017_SUCCESSORS)) : controlledGood(rng).hs
  const declared = rng.pick(CONSUMER_DESCRIPTIONS)
  const n = rng.int(1, 3)
  const txs: DraftTx[] = []
  for (let i = 0; i < n; i++) {
    const ref = invoiceRef(rng, payer.country)
    txs.push({
      at: i * kit.gap(),
      eur: kit.value(8_000, 400_000),
      currency: kit.currency(payer, payee),
      debtor: payer,
      creditor: payee,
      purpose: rng.chance(0.5) ? `${declared} ${ref}` : `${ref} ${declared}`,
      hs: formatHs(rng, hs),
    })
  }
  return {
    txs,
    params: { payments: n, hs, hs_version: old ? 'HS2017' : 'HS2022', declared, route },
  }
}
