// Goods lists: HS code prefixes with tier and category (`hs_code,tier,description[,category]`); a
// description lexicon (`term,lang,category,tier[,generic]`) mapping multilingual keywords to goods
// categories, dual-use ones and (generic=true) ordinary consumer, industrial or generic ones; the
// categories with the HS codes their goods belong under (`category,kind,label,hs`); and the HS 2017
// codes HS 2022 split, with their successors (`hs2017,hs2022`). A description whose categories fit
// none of the HS code's headings is a mismatch when the code or the description is controlled.
import { readCsvTable, splitMulti } from './csv.ts'
import { foldPurpose } from '../goods-regex.ts'
import { CATEGORY_KINDS, emptyResult, type CategoryKind, type ParseResult } from './types.ts'

export function parseGoodsHs(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { rows, get } = table
  for (const r of rows) {
    const prefix = get(r.fields, 'hs_code').replace(/[.\s]/g, '')
    if (!/^\d{2,10}$/.test(prefix)) {
      out.errors.push({
        line: r.line,
        message: `field hs_code '${get(r.fields, 'hs_code')}' is not 2 to 10 digits`,
      })
      continue
    }
    const tier = get(r.fields, 'tier')
    if (!tier) {
      out.errors.push({ line: r.line, message: 'field tier is empty' })
      continue
    }
    out.codes.push({
      prefix,
      tier,
      category: get(r.fields, 'category') || `chpl-tier-${tier}`,
      description: get(r.fields, 'description'),
      line: r.line,
    })
  }
  return out
}

export function parseGoodsLexicon(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { rows, get } = table
  for (const r of rows) {
    const term = foldPurpose(get(r.fields, 'term'))
    const category = get(r.fields, 'category')
    if (!term || !category) {
      out.errors.push({ line: r.line, message: `field ${!term ? 'term' : 'category'} is empty` })
      continue
    }
    const generic = /^(true|1|yes)$/i.test(get(r.fields, 'generic')) || category === 'generic'
    out.terms.push({
      term,
      lang: get(r.fields, 'lang'),
      category,
      tier: get(r.fields, 'tier') || '',
      generic,
      line: r.line,
    })
  }
  return out
}

/**
 * Description categories (`category,kind,label,hs`): what kind of goods each lexicon category names
 * (controlled, consumer, industrial, generic) and the HS 2022 chapters, headings or subheadings such
 * goods are classified under (`hs`: prefixes of 2 to 6 digits separated by ';'; empty for generic).
 */
export function parseGoodsCategories(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { rows, get } = table
  const seen = new Map<string, number>()
  for (const r of rows) {
    const category = get(r.fields, 'category')
    const kind = get(r.fields, 'kind').toLowerCase()
    if (!category) {
      out.errors.push({ line: r.line, field: 'category', message: 'field category is empty' })
      continue
    }
    if (!(CATEGORY_KINDS as readonly string[]).includes(kind)) {
      out.errors.push({
        line: r.line,
        field: 'kind',
        message: `field kind '${kind}' is not one of ${CATEGORY_KINDS.join(', ')}`,
      })
      continue
    }
    if (seen.has(category)) {
      out.errors.push({
        line: r.line,
        field: 'category',
        message: `category ${category} again (first on line ${seen.get(category)})`,
      })
      continue
    }
    const prefixes = splitMulti(get(r.fields, 'hs')).map((p) => p.replace(/[.\s]/g, ''))
    const bad = prefixes.find((p) => !/^\d{2,6}$/.test(p))
    if (bad !== undefined) {
      out.errors.push({
        line: r.line,
        field: 'hs',
        message: `field hs: '${bad}' is not an HS chapter, heading or subheading (2 to 6 digits)`,
      })
      continue
    }
    if (!prefixes.length && kind !== 'generic') {
      out.errors.push({
        line: r.line,
        field: 'hs',
        message: `field hs is empty: only a generic category has no HS codes`,
      })
      continue
    }
    seen.set(category, r.line)
    out.categories.push({
      category,
      kind: kind as CategoryKind,
      label: get(r.fields, 'label') || category,
      prefixes: [...new Set(prefixes)],
      line: r.line,
    })
  }
  return out
}

/**
 * HS 2017 subheadings that HS 2022 split or renumbered (`hs2017,hs2022`, one row per successor;
 * 6-digit HS 2017 codes, 4- or 6-digit HS 2022 codes), from the WCO's HS 2017–HS 2022 correlation
 * tables: a payment still declared under the old code is matched through its successors.
 */
export function parseHsSuccessors(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { rows, get } = table
  for (const r of rows) {
    const hs2017 = get(r.fields, 'hs2017').replace(/[.\s]/g, '')
    const hs2022 = get(r.fields, 'hs2022').replace(/[.\s]/g, '')
    if (!/^\d{6}$/.test(hs2017)) {
      out.errors.push({
        line: r.line,
        field: 'hs2017',
        message: `field hs2017 '${get(r.fields, 'hs2017')}' is not a 6-digit subheading`,
      })
      continue
    }
    if (!/^(\d{4}|\d{6})$/.test(hs2022)) {
      out.errors.push({
        line: r.line,
        field: 'hs2022',
        message: `field hs2022 '${get(r.fields, 'hs2022')}' is not a heading or subheading`,
      })
      continue
    }
    out.successors.push({ hs2017, hs2022, line: r.line })
  }
  return out
}
