// The default weights per typology: base weight and measure bands with their reason texts. The
// config section `score.typologies` replaces them per typology (see samples/config.json).
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
) => ({
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
  weight,
  code,
  text,
  ...(evidence ? { evidence } : {}),
})

// Evidence beyond the shape (detect/evidence.ts): each is a risk signal of its own, judged against
// the accounts' history. A shape alerts only with at least one of these or a risk context.
const NEW_LINKS = {
  measure: 'new_links',
  bands: [
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
  ],
}
const FRESH = {
  measure: 'fresh',
  bands: [
    band(
      0.5,
      undefined,
      14,
      'FRESH_ACCOUNTS',
      '{fresh_pct}% of the accounts were first seen in the week before',
      true,
    ),
    band(
      0.25,
      0.5,
      7,
      'FRESH_ACCOUNTS_SOME',
      '{fresh_pct}% of the accounts were first seen in the week before',
      true,
    ),
  ],
}
const PASSING = {
  measure: 'passing',
  bands: [
    band(
      0.5,
      undefined,
      15,
      'PASS_THROUGH_ACCOUNTS',
      '{passing_pct}% of the intermediaries passed the money straight on and do little else',
      true,
    ),
  ],
}
const UNUSUAL = {
  measure: 'amount_unusual',
  bands: [
    band(
      0.5,
      undefined,
      15,
      'AMOUNT_UNUSUAL',
      'amounts far from what {amount_unusual_pct}% of these accounts usually pay or receive',
      true,
    ),
  ],
}
const SAME_VALUE = {
  measure: 'value_spread',
  bands: [
    band(undefined, 0.01, 10, 'SAME_VALUE', 'one value passed on from account to account', true),
  ],
}
const EVIDENCE = [NEW_LINKS, FRESH, PASSING, UNUSUAL, SAME_VALUE]

// Money passed through, less fees, is the launderer's signature; paying on more than came in is
// a business's (it has other income), so it weighs against.
const RETENTION = (strong: number, some: number) => ({
  measure: 'retention',
  bands: [
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
    band(
      1.05,
      undefined,
      -5,
      'PAYS_OUT_MORE',
      '{retention_pct}% paid on: more than came in, as a business with other income does',
    ),
  ],
})

// Time-ordered fast rings rank above slow ones and above rings whose hops are not in ring order.
const ORDER = {
  measure: 'ordered',
  bands: [band(1, undefined, 5, 'RING_ORDER', 'each hop followed the previous one in time')],
}

const SPEED = {
  measure: 'span_days',
  bands: [
    band(undefined, 3, 8, 'FAST', 'whole pattern completed within {span_days} days'),
    band(3, 10, 4, 'QUICK', 'whole pattern completed within {span_days} days'),
  ],
}

// A burst of 8–20 counterparties is the mule's shape; hundreds are a business or clearing account's.
const FAN_MEASURES = [
  {
    measure: 'width',
    bands: [
      band(
        8,
        20,
        20,
        'FAN',
        '{width} distinct counterparties in a short time: the shape of a mule burst',
      ),
      band(20, 60, 5, 'FAN_WIDE', '{width} counterparties in a short time'),
      band(
        60,
        undefined,
        -10,
        'FAN_BUSINESS_LIKE',
        '{width} counterparties: the breadth of a business or clearing account',
      ),
    ],
  },
  {
    measure: 'pass_through',
    bands: [
      band(
        0.8,
        1.5,
        12,
        'PASS_THROUGH',
        'the centre moved on {pass_through_pct}% of the money around the fan',
        true,
      ),
    ],
  },
  {
    measure: 'same_value',
    bands: [
      band(
        1,
        undefined,
        10,
        'SAME_VALUE_FAN',
        "one amount, unlike the centre's usual payments, moved with every counterparty",
        true,
      ),
    ],
  },
  NEW_LINKS,
  FRESH,
  UNUSUAL,
  {
    measure: 'payroll_like',
    bands: [
      band(
        1,
        undefined,
        -20,
        'PAYROLL_LIKE',
        'looks like payroll: salary wording or a monthly rhythm, nothing passed on',
      ),
    ],
  },
  {
    measure: 'merchant_like',
    bands: [
      band(
        1,
        undefined,
        -20,
        'MERCHANT_LIKE',
        'looks like a merchant: many small payments, nothing passed on',
      ),
    ],
  },
]

// A long cycle is barely more telling than a short one: in a dense payment network long cycles
// close by chance far more often than short ones (measured on 840 k generated transfers).
export const DEFAULT_TYPOLOGIES: Record<string, z.input<typeof TypologyWeights>> = {
  cycle: {
    base: w(30, 'CYCLE', '{hops}-hop payment cycle: money came back to the account it left'),
    measures: [
      {
        measure: 'hops',
        bands: [
          band(4, undefined, 3, 'CYCLE_LONG', 'cycle runs over {hops} accounts'),
          band(3, 4, 5, 'CYCLE_3', 'cycle runs over 3 accounts'),
        ],
      },
      RETENTION(15, 10),
      SPEED,
      ORDER,
      ...EVIDENCE,
    ],
  },
  layering: {
    base: w(35, 'LAYERING', '{hops}-hop layering chain: each intermediary forwarded the money on'),
    measures: [
      {
        measure: 'hops',
        bands: [
          band(5, undefined, 10, 'LAYERING_LONG', 'chain runs over {hops} hops'),
          band(4, 5, 5, 'LAYERING_4', 'chain runs over 4 hops'),
        ],
      },
      RETENTION(12, 8),
      {
        measure: 'max_dwell_hours',
        bands: [
          band(undefined, 24, 8, 'DWELL_SHORT', 'money rested at most {max_dwell_hours} h per hop'),
          band(24, 72, 4, 'DWELL', 'money rested at most {max_dwell_hours} h per hop'),
        ],
      },
      ...EVIDENCE,
    ],
  },
  scatter_gather: {
    base: w(
      30,
      'SCATTER_GATHER',
      'money split over {width} intermediaries and gathered again in one account',
    ),
    measures: [
      {
        measure: 'width',
        bands: [
          band(5, undefined, 10, 'WIDE', 'split over {width} intermediaries'),
          band(3, 5, 5, 'SPLIT', 'split over {width} intermediaries'),
        ],
      },
      RETENTION(12, 8),
      SPEED,
      ...EVIDENCE,
    ],
  },
  gather_scatter: {
    base: w(
      20,
      'GATHER_SCATTER',
      '{sources} sources paid one hub that paid {destinations} destinations on',
    ),
    measures: [
      {
        measure: 'width',
        bands: [
          band(10, undefined, 10, 'WIDE', '{width} counterparties around the hub'),
          band(7, 10, 5, 'HUB', '{width} counterparties around the hub'),
        ],
      },
      RETENTION(12, 8),
      SPEED,
      ...EVIDENCE,
    ],
  },
  bipartite: {
    base: w(25, 'BIPARTITE', '{sources} sources paid {destinations} destinations as one set'),
    // One layer has no "passed on" share: no retention band (a stack's layers have one).
    measures: [
      {
        measure: 'width',
        bands: [
          band(5, undefined, 10, 'WIDE', 'sets {width} accounts wide'),
          band(3, 5, 5, 'SET', 'sets {width} accounts wide'),
        ],
      },
      SPEED,
      ...EVIDENCE,
    ],
  },
  stack: {
    base: w(30, 'STACK', '{layers} layers of accounts each paying the next layer'),
    measures: [
      {
        measure: 'layers',
        bands: [
          band(3, undefined, 10, 'DEEP', '{layers} layers deep'),
          band(2, 3, 5, 'LAYERED', '{layers} layers deep'),
        ],
      },
      RETENTION(12, 8),
      SPEED,
      ...EVIDENCE,
    ],
  },
  fan_in: {
    base: w(25, 'FAN_IN', '{width} distinct accounts paid one account within {span_days} days'),
    measures: FAN_MEASURES,
  },
  fan_out: {
    base: w(25, 'FAN_OUT', 'one account paid {width} distinct accounts within {span_days} days'),
    measures: FAN_MEASURES,
  },
  structuring: {
    // Amounts kept just under a reporting threshold, again and again, are the risk signal itself
    // (an offence in many jurisdictions, e.g. 31 U.S.C. 5324): as strong as a goods mismatch.
    base: {
      ...w(
        45,
        'STRUCTURING',
        '{count} transfers just under the {threshold} reporting threshold within {span_days} days',
      ),
      evidence: true,
    },
    measures: [
      {
        measure: 'count',
        bands: [
          band(6, undefined, 15, 'STRUCTURING_MANY', '{count} transfers kept under the threshold'),
          band(3, 6, 10, 'STRUCTURING_REPEAT', '{count} transfers kept under the threshold'),
        ],
      },
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
      {
        measure: 'max_match',
        bands: [
          band(0.97, undefined, 10, 'MATCH_STRONG', 'name match score {max_match}'),
          band(undefined, 0.97, 0, 'MATCH', 'name match score {max_match}'),
        ],
      },
    ],
  },
  goods_mismatch: {
    base: {
      ...w(
        40,
        'GOODS_MISMATCH',
        'declared goods do not match the HS code on {mismatches} payment(s): {detail}',
      ),
      evidence: true,
    },
    measures: [
      {
        measure: 'mismatches',
        bands: [
          band(3, undefined, 8, 'MISMATCH_REPEAT', 'mismatch repeated on {mismatches} payments'),
        ],
      },
    ],
  },
}
