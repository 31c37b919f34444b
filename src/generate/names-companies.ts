// Company name material: trade words, place words per language, and the legal forms of each country.
import type { Lang } from './countries.ts'
import { names } from './names-people.ts'

/** Company name stems: generic trade words (English and local) combined with places or surnames. */
export const TRADE_WORDS = names(
  'Trading|Logistics|Industrial|Technologies|Components|Solutions|Supply|Engineering|Systems|Electronics|Import Export|Machinery|Consulting|Holding|Distribution|Metals|Textiles|Foods|Automotive|Instruments|Global|Invest|Pharma|Energy|Retail|Digital|Bau|Agro',
)
export const PLACE_WORDS: Record<Lang, readonly string[]> = {
  de: names('Rhein|Alpen|Nord|Süd|Bayern|Elbe|Hanse|Main|Schwarzwald|Ruhr'),
  fr: names('Atlantique|Provence|Lumière|Alpes|Seine|Loire|Bretagne'),
  nl: names('Holland|Delta|Maas|Noordzee|Polder|Oranje'),
  it: names('Adriatica|Lombarda|Tirrenia|Alpina|Veneta|Etna'),
  es: names('Ibérica|Levante|Atlántico|Mediterránea|Castilla|Lusitana'),
  en: names('Thames|Pennine|Albion|Atlantic|Summit|Harbour|Crown|Aegean'),
  pl: names('Wisła|Mazowsze|Bałtyk|Tatry|Polska'),
  cs: names('Vltava|Morava|Bohemia|Krkonoše'),
  tr: names('Anadolu|Marmara|Ege|Boğaziçi|Toros|Karadeniz'),
  ar: names('Gulf|Al Noor|Emirates|Desert Star|Falcon|Oasis|Jebel Ali'),
  ru: names('Ural|Volga|Sibir|Neva|Baltika|Tekhno|Prom|Avia|Energo|Radio'),
  zh: names('Shenzhen|Huaxin|Zhongtian|Jinlong|Guangda|Hengtai|Xinhua|Dragon'),
  ja: names('Nippon|Fuji|Sakura|Kansai|Tokai'),
  nordic: names('Nordic|Fjord|Baltic|Viking|Aurora'),
  baltic: names('Baltic|Daugava|Amber|Riga|Neris'),
  fa: names('Pars|Alborz|Kavir|Simorgh|Zagros'),
  kk: names('Steppe|Altyn|Astana|Kazakh|Caspian|Alatau'),
}

/** Legal forms per country: the suffix (or prefix, marked with a trailing space) of a company name. */
export const LEGAL_FORMS: Record<string, readonly string[]> = {
  DE: names('GmbH|AG|GmbH & Co. KG|KG|UG'),
  AT: names('GmbH|AG|KG'),
  CH: names('AG|GmbH|SA|Sàrl'),
  FR: names('SARL|SAS|SA|EURL'),
  BE: names('SA|SRL|BV|NV'),
  LU: names('S.à r.l.|SA'),
  NL: names('BV|B.V.|NV'),
  IT: names('S.r.l.|S.p.A.|S.n.c.'),
  ES: names('S.L.|S.A.'),
  PT: names('Lda|S.A.'),
  GB: names('Ltd|Limited|PLC|LLP'),
  IE: names('Ltd|DAC'),
  US: names('LLC|Inc.|Corp.|Co.'),
  PL: names('Sp. z o.o.|S.A.|Sp.k.'),
  CZ: names('s.r.o.|a.s.'),
  SE: names('AB'),
  DK: names('ApS|A/S'),
  FI: names('Oy|Oyj'),
  GR: names('S.A.|IKE|EPE'),
  HU: names('Kft.|Zrt.'),
  RO: names('S.R.L.|S.A.'),
  BG: names('OOD|EOOD|AD'),
  CY: names('Ltd|Limited'),
  LV: names('SIA|AS'),
  LT: names('UAB|AB'),
  EE: names('OÜ|AS'),
  JP: names('Co., Ltd.|K.K.|Corporation'),
  CN: names('Co., Ltd.|Trading Co., Ltd.|Technology Co., Ltd.'),
  HK: names('Limited|Co., Limited|Trading Limited'),
  SG: names('Pte. Ltd.|Pte Ltd|Private Limited'),
  AE: names('FZE|FZCO|LLC|DMCC|General Trading LLC'),
  TR: names('A.Ş.|Ltd. Şti.|Dış Ticaret Ltd. Şti.'),
  KZ: names('LLP|TOO|JSC'),
  KG: names('OsOO|LLC'),
  AM: names('LLC|CJSC'),
  GE: names('LLC|JSC'),
  RS: names('d.o.o.|a.d.'),
  RU: names('OOO|AO|PAO|LLC|JSC'),
  BY: names('OOO|ODO|OAO'),
  IR: names('Co.|PJS|Private Joint Stock Co.'),
}

/** Legal forms written before the name in the country's usage. */
export const PREFIX_FORMS = new Set([
  'OOO',
  'AO',
  'PAO',
  'ODO',
  'OAO',
  'TOO',
  'OsOO',
  'SIA',
  'UAB',
  'AS',
])
