// The default weights per typology: base weight and measure bands with their reason texts. The
// config section `score.typologies` replaces them per typology (see samples/config.json).
//
// How the weights are set (a statement about evidence, not a fit to one data set):
//   - a shape says where to look: a base of 15–20 and shape bands of at most 8, never enough to
//     reach the alert threshold (30) on its own: rings, fans and chains occur in ordinary trade;
//   - evidence of its own, judged against the accounts' history (detect/evidence.ts), weighs
//     5–18 per signal: accounts that do little besides the pattern most (the mule's and the shell
//     company's signature), then new relations, fresh accounts, pass-through accounts, one value
//     passed on, and amounts far from the accounts' usual least (odd amounts are common in trade);
//     a few fresh accounts among many, or a listed party two hops away, are context, not evidence;
//   - risk context from screening (score.context) weighs 8–30 by how specific it is: a party on a
//     watch list most, a diversion-hub route least (trade through hubs is common and legal);
//   so an alert takes a shape and two signals, or a shape and strong context.
import type { z } from 'zod'
import type { TypologyWeights } from './config.ts'

export const w = (weight: number, code: string, text: string) => ({ weight, code, text })
const band = (
  min: number | undefined,
  max: number | undefined,
  weight: number,
  code: string,
  text: string,
  evidence = false,
  unless?: { measure: string; min: number },
) => ({
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
  weight,
  code,
  text,
  ...(evidence ? { evidence } : {}),
  ...(unless ? { unless } : {}),
})
const signal = (measure: string, bands: (ReturnType<typeof band> & { explains?: boolean })[]) => ({
  measure,
  bands,
})

// ---- evidence beyond the shape (each band a risk signal of its own) ----------------------------

const NEW_LINKS = signal('new_links', [
  band(
    0.67,
    undefined,
    15,
    'NEW_RELATIONS',
    '{new_link_count} of the links are new relations for accounts that otherwise deal with known counterparties',
    true,
  ),
  band(
    0.34,
    0.67,
    8,
    'NEW_RELATIONS_SOME',
    '{new_link_count} of the links are new relations for accounts that otherwise deal with known counterparties',
    true,
  ),
])
const FRESH = signal('fresh', [
  band(
    0.5,
    undefined,
    15,
    'FRESH_ACCOUNTS',
    '{fresh_pct}% of the accounts were first seen in the week before',
    true,
  ),
  // A few fresh accounts among many are common (new customers, new suppliers): context only.
  band(
    0.25,
    0.5,
    4,
    'FRESH_ACCOUNTS_SOME',
    '{fresh_pct}% of the accounts were first seen in the week before',
  ),
])
const PASSING = signal('passing', [
  band(
    0.5,
    undefined,
    15,
    'PASS_THROUGH_ACCOUNTS',
    '{passing_pct}% of the intermediaries passed the money straight on and do little else',
    true,
  ),
])
const UNUSUAL = signal('amount_unusual', [
  band(
    0.5,
    undefined,
    10,
    'AMOUNT_UNUSUAL',
    'amounts far from what {amount_unusual_pct}% of these accounts usually pay or receive',
    true,
  ),
])
// Several accounts that do nothing but this: a closed group, not trading partners.
const DEDICATED = signal('dedicated', [
  band(
    0.75,
    undefined,
    18,
    'DEDICATED_ACCOUNTS',
    'the accounts do little besides this pattern ({dedicated_pct}% of them)',
    true,
  ),
])
// Intermediaries that paid on exactly the sum they received, to the cent (value flows).
const EXACT = signal('exact_pass_on', [
  band(
    0.5,
    undefined,
    5,
    'EXACT_PASS_ON',
    '{exact_pass_on_pct}% of the intermediaries paid on exactly the sum they received',
    true,
  ),
])
const SAME_VALUE = signal('value_spread', [
  band(undefined, 0.01, 10, 'SAME_VALUE', 'one value passed on from account to account', true),
])
/**
 * For patterns through several parties. Chains, splits and hubs are defined by intermediaries that
 * pass the money on and do little else: for them that is the shape, not evidence (no PASSING);
 * whether all the accounts do little else is (DEDICATED).
 */
const EVIDENCE = [NEW_LINKS, FRESH, UNUSUAL, DEDICATED, SAME_VALUE, EXACT]

// ---- shape ------------------------------------------------------------------------------------

// Money passed through, less fees, is the launderer's signature; paying on more than came in is
// a business's (it has other income), so it weighs against.
const RETENTION = (strong: number, some: number) =>
  signal('retention', [
    band(
      0.9,
      1.05,
      strong,
      'RETENTION_HIGH',
      '{retention_pct}% of the money passed on through the pattern',
    ),
    band(
      0.8,
      0.9,
      some,
      'RETENTION',
      '{retention_pct}% of the money passed on through the pattern',
    ),
    // …unless the accounts do little besides the pattern: they have no other income, and the part
    // of the inflow the pattern missed is not the business's.
    band(
      1.05,
      undefined,
      -5,
      'PAYS_OUT_MORE',
      '{retention_pct}% paid on: more than came in, as a business with other income does',
      false,
      { measure: 'dedicated', min: 0.75 },
    ),
  ])

const SPEED = signal('span_days', [
  band(undefined, 3, 6, 'FAST', 'whole pattern completed within {span_days} days'),
  band(3, 10, 3, 'QUICK', 'whole pattern completed within {span_days} days'),
])

// Time-ordered fast rings rank above slow ones and above rings whose hops are not in ring order.
const ORDER = signal('ordered', [
  band(1, undefined, 4, 'RING_ORDER', 'each hop followed the previous one in time'),
])

// A burst of 8–20 counterparties is the mule's shape; hundreds are a business or clearing account's.
const FAN_MEASURES = [
  signal('width', [
    band(8, 20, 8, 'FAN', '{width} distinct counterparties in a short time'),
    band(20, 60, 3, 'FAN_WIDE', '{width} counterparties in a short time'),
    band(
      60,
      undefined,
      -10,
      'FAN_BUSINESS_LIKE',
      '{width} counterparties: the breadth of a business or clearing account',
    ),
  ]),
  signal('pass_through', [
    band(
      0.8,
      1.5,
      15,
      'PASS_THROUGH',
      'the centre moved on {pass_through_pct}% of the money around the fan',
      true,
      { measure: 'pass_scattered', min: 1 },
    ),
  ]),
  signal('even_split', [
    band(
      1,
      undefined,
      10,
      'EVEN_SPLIT',
      'near-equal amounts (varying by {amount_cv_pct}%) that the centre passed on: one sum split evenly',
    ),
  ]),
  signal('same_value', [
    band(
      1,
      undefined,
      10,
      'SAME_VALUE_FAN',
      "one amount, unlike the centre's usual payments, moved with every counterparty",
      true,
    ),
  ]),
  NEW_LINKS,
  FRESH,
  UNUSUAL,
  DEDICATED,
  signal('payroll_like', [
    band(
      1,
      undefined,
      -20,
      'PAYROLL_LIKE',
      'looks like payroll: salary wording or a monthly rhythm, nothing passed on',
    ),
  ]),
  signal('merchant_like', [
    band(
      1,
      undefined,
      -20,
      'MERCHANT_LIKE',
      'looks like a merchant: many small payments, nothing passed on',
    ),
  ]),
]

export const DEFAULT_TYPOLOGIES: Record<string, z.input<typeof TypologyWeights>> = {
  cycle: {
    base: w(20, 'CYCLE', '{hops}-hop payment cycle: money came back to the account it left'),
    measures: [
      // A long cycle is barely more telling than a short one: in a dense payment network long
      // cycles close by chance far more often than short ones.
      signal('hops', [
        band(4, undefined, 2, 'CYCLE_LONG', 'cycle runs over {hops} accounts'),
        band(3, 4, 4, 'CYCLE_3', 'cycle runs over 3 accounts'),
      ]),
      RETENTION(8, 5),
      SPEED,
      ORDER,
      // The same sum straight back between two accounts is a returned payment or a repaid loan.
      signal('returned', [
        {
          ...band(
            1,
            undefined,
            -15,
            'RETURNED_PAYMENT',
            'the same amount went straight back: the shape of a returned payment or a repaid loan',
          ),
          // A payment returned in full nets to nothing between two accounts: how unusual its amount or
          // how fast the return says nothing of laundering (the same payment counted twice).
          explains: true,
        },
      ]),
      signal('same_value_ring', [
        band(1, undefined, 10, 'SAME_VALUE', 'one value went round the ring', true),
      ]),
      NEW_LINKS,
      FRESH,
      PASSING,
      UNUSUAL,
      DEDICATED,
      EXACT,
    ],
  },
  layering: {
    base: w(20, 'LAYERING', '{hops}-hop layering chain: each intermediary forwarded the money on'),
    measures: [
      signal('hops', [
        band(5, undefined, 6, 'LAYERING_LONG', 'chain runs over {hops} hops'),
        band(4, 5, 3, 'LAYERING_4', 'chain runs over 4 hops'),
      ]),
      RETENTION(6, 4),
      signal('max_dwell_hours', [
        band(undefined, 24, 6, 'DWELL_SHORT', 'money rested at most {max_dwell_hours} h per hop'),
        band(24, 72, 3, 'DWELL', 'money rested at most {max_dwell_hours} h per hop'),
      ]),
      ...EVIDENCE,
    ],
  },
  scatter_gather: {
    base: w(
      20,
      'SCATTER_GATHER',
      'money split over {width} intermediaries and gathered again in one account',
    ),
    measures: [
      signal('width', [
        band(5, undefined, 6, 'WIDE', 'split over {width} intermediaries'),
        band(3, 5, 3, 'SPLIT', 'split over {width} intermediaries'),
      ]),
      RETENTION(6, 4),
      SPEED,
      ...EVIDENCE,
    ],
  },
  gather_scatter: {
    base: w(
      15,
      'GATHER_SCATTER',
      '{sources} sources paid one hub that paid {destinations} destinations on',
    ),
    measures: [
      signal('width', [
        band(10, undefined, 6, 'WIDE', '{width} counterparties around the hub'),
        band(7, 10, 3, 'HUB', '{width} counterparties around the hub'),
      ]),
      RETENTION(6, 4),
      SPEED,
      ...EVIDENCE,
    ],
  },
  bipartite: {
    base: w(15, 'BIPARTITE', '{sources} sources paid {destinations} destinations as one set'),
    // One layer has no "passed on" share: no retention band (a stack's layers have one).
    measures: [
      signal('width', [
        band(5, undefined, 6, 'WIDE', 'sets {width} accounts wide'),
        band(3, 5, 3, 'SET', 'sets {width} accounts wide'),
      ]),
      SPEED,
      ...EVIDENCE,
    ],
  },
  stack: {
    base: w(20, 'STACK', '{layers} layers of accounts each paying the next layer'),
    measures: [
      signal('layers', [
        band(3, undefined, 6, 'DEEP', '{layers} layers deep'),
        band(2, 3, 3, 'LAYERED', '{layers} layers deep'),
      ]),
      RETENTION(6, 4),
      SPEED,
      ...EVIDENCE,
    ],
  },
  fan_in: {
    base: w(15, 'FAN_IN', '{width} distinct accounts paid one account within {span_days} days'),
    measures: FAN_MEASURES,
  },
  fan_out: {
    base: w(15, 'FAN_OUT', 'one account paid {width} distinct accounts within {span_days} days'),
    measures: FAN_MEASURES,
  },
  structuring: {
    // Amounts kept just under a reporting threshold, again and again, are a risk signal of their
    // own (an offence in many jurisdictions, e.g. 31 U.S.C. 5324): as strong as a goods mismatch,
    // when more of them fall there than ordinary amounts do by chance (detect/structuring.ts:
    // `chance`, the accounts expected to show as many in this window). Three payments that
    // happen to land in the band are the shape only.
    base: w(25, 'STRUCTURING', '{count} transfers {what} within {span_days} days'),
    measures: [
      // One amount paid to one payee several times within a day: a sum split into identical
      // payments, or one sent twice. Rare in ordinary traffic (billing and pay runs pay each payee
      // once); a signal of its own.
      signal('repeated', [
        band(
          1,
          undefined,
          10,
          'SPLIT_PAYMENT',
          '{count} payments to the same payee within {span_hours} hours, most of what this payer ever paid it: one sum split, or a payment repeated',
          true,
        ),
      ]),
      signal('chance', [
        band(
          undefined,
          0.05,
          25,
          'STRUCTURING_UNLIKELY',
          'that many amounts under the threshold are not chance: {chance} accounts would be expected to show it in this window',
          true,
        ),
        band(
          0.05,
          1,
          10,
          'STRUCTURING_RARE',
          'rare by chance: {chance} accounts would be expected to show it in this window',
          true,
        ),
      ]),
      signal('count', [
        band(
          6,
          undefined,
          5,
          'STRUCTURING_MANY',
          '{count} transfers kept under the threshold',
          false,
          {
            measure: 'repeated',
            min: 1,
          },
        ),
      ]),
      NEW_LINKS,
      FRESH,
    ],
  },
  sanctions: {
    base: {
      ...w(55, 'SANCTIONS_HIT', 'payments to or from a party on a watch list: {detail}'),
      evidence: true,
    },
    measures: [
      signal('max_match', [
        band(0.97, undefined, 10, 'MATCH_STRONG', 'name match score {max_match}'),
        band(undefined, 0.97, 0, 'MATCH', 'name match score {max_match}'),
      ]),
      // A listed person's name carried by several account holders of the window is a common name:
      // each is more likely a namesake. Still an alert (55 − 25 stays at the threshold; confirm
      // with a date of birth or an identifier), ranked below patterns with evidence of their own.
      // (Accounts are counted, not holders: a listed person's own three accounts count as three.)
      signal('namesakes', [
        band(
          3,
          undefined,
          -25,
          'LIKELY_NAMESAKE',
          '{namesakes} different accounts match this listed person by name: most likely namesakes; confirm with a date of birth or an identifier',
        ),
      ]),
    ],
  },
  goods_mismatch: {
    base: {
      ...w(
        50,
        'GOODS_MISMATCH',
        'declared goods do not match the HS code on {mismatches} payment(s): {detail}',
      ),
      evidence: true,
    },
    measures: [
      signal('mismatches', [
        band(3, undefined, 8, 'MISMATCH_REPEAT', 'mismatch repeated on {mismatches} payments'),
      ]),
    ],
  },
}
