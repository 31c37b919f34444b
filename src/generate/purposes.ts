// Remittance information: invoice references and purpose texts in the payer's language.
import { COUNTRY } from './countries.ts'
import type { Rng } from './rng.ts'

export function invoiceRef(rng: Rng, country: string): string {
  const year = '2026'
  switch (COUNTRY[country]?.lang) {
    case 'de':
      return rng.chance(0.5) ? `RE-${year}-${rng.digits(5)}` : `Rechnung ${rng.digits(6)}`
    case 'fr':
      return rng.chance(0.5) ? `Facture F${year}-${rng.digits(4)}` : `FACT ${rng.digits(7)}`
    case 'it':
      return `Fattura n. ${rng.digits(4)}/${year}`
    case 'es':
      return `Factura ${rng.letters(1)}${rng.digits(6)}`
    case 'nl':
      return `Factuur ${year}${rng.digits(5)}`
    case 'pl':
      return `FV/${rng.digits(4)}/${year}`
    case 'tr':
      return `Fatura ${rng.letters(3)}${year}${rng.digits(9)}`
    case 'ru':
      return `Invoice No ${rng.digits(3)}-${rng.digits(2)} / schet ${rng.digits(4)}`
    case 'zh':
      return `PI-${year}${rng.digits(6)}`
    default:
      return rng.chance(0.5) ? `INV-${year}-${rng.digits(6)}` : `Invoice ${rng.digits(8)}`
  }
}

export function tradePurpose(rng: Rng, country: string, goods?: string): string {
  const ref = invoiceRef(rng, country)
  if (!goods) return ref
  return rng.chance(0.5) ? `${ref} ${goods}` : `${goods} ${ref}`
}

const P2P = [
  'Rent',
  'Miete',
  'Loyer',
  'Dinner',
  'Birthday gift',
  'Geschenk',
  'Holiday share',
  'Loan repayment',
  'Car sale',
  'Tickets',
  'Handyman work',
  'Nachhilfe',
  'Pocket money',
]
const BILLS = [
  'Electricity',
  'Strom Abschlag',
  'Insurance premium',
  'Versicherung',
  'Internet subscription',
  'Mobile phone bill',
  'Gas',
  'Gym membership',
  'School fees',
  'Cotisation',
]
const MERCHANT = [
  'Card settlement',
  'Online order',
  'Order',
  'Bestellung',
  'Commande',
  'Purchase',
  'Ticket',
]

export function p2pPurpose(rng: Rng): string {
  const p = rng.pick(P2P)
  return rng.chance(0.3) ? `${p} ${rng.pick(['Oct', 'Nov', 'Dec', '10/2026', '11/2026'])}` : p
}

export function billPurpose(rng: Rng): string {
  return `${rng.pick(BILLS)} ${rng.letters(2)}${rng.digits(8)}`
}

export function merchantPurpose(rng: Rng): string {
  return `${rng.pick(MERCHANT)} ${rng.digits(9)}`
}

export function feePurpose(rng: Rng, country: string): string {
  return `${rng.pick(['Consulting fee', 'Honorar', 'Expense reimbursement', 'Freelance work', 'Commission'])} ${invoiceRef(rng, country)}`
}

export function salaryPurpose(rng: Rng, country: string, month: string): string {
  const lang = COUNTRY[country]?.lang
  if (lang === 'de') return `Gehalt ${month} Personalnr ${rng.digits(5)}`
  if (lang === 'fr') return `Salaire ${month} Matricule ${rng.digits(5)}`
  return `Salary ${month} Emp ${rng.digits(5)}`
}

/** Refund wording in several languages: a 2-cycle carrying it is a refund, not a ring. */
export function refundPurpose(rng: Rng, country: string, orderRef: string): string {
  const lang = COUNTRY[country]?.lang
  if (lang === 'de') return `Rückerstattung ${orderRef}`
  if (lang === 'fr') return `Remboursement ${orderRef}`
  if (lang === 'es') return `Reembolso ${orderRef}`
  return rng.chance(0.5) ? `Refund ${orderRef}` : `Refund of order ${orderRef}`
}

/** Vague wording used in planted rings when no goods are named. */
export function vaguePurpose(rng: Rng, country: string): string {
  const words = [
    'Payment as agreed',
    'Loan',
    'Services',
    'Consulting services',
    'Advance payment',
    'Contract',
    'Settlement',
    'Prepayment',
  ]
  return rng.chance(0.6) ? `${rng.pick(words)} ${invoiceRef(rng, country)}` : rng.pick(words)
}
