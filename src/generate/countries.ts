// Countries the generator draws parties from: currency, naming language, banks (BIC 8 + the national
// bank code that opens the BBAN or account number), how often they appear, and their risk class.

export type Risk = 'low' | 'hub' | 'sanctioned'
export type Lang =
  | 'de'
  | 'fr'
  | 'nl'
  | 'it'
  | 'es'
  | 'en'
  | 'pl'
  | 'cs'
  | 'tr'
  | 'ar'
  | 'ru'
  | 'zh'
  | 'ja'
  | 'nordic'
  | 'baltic'
  | 'fa'
  | 'kk'

export interface CountryInfo {
  code: string
  currency: string
  lang: Lang
  /** [BIC 8, national bank code] */
  banks: ReadonlyArray<readonly [string, string]>
  /** Relative frequency among background parties. */
  weight: number
  risk: Risk
}

const c = (
  code: string,
  currency: string,
  lang: Lang,
  weight: number,
  risk: Risk,
  banks: Array<[string, string]>,
): CountryInfo => ({ code, currency, lang, weight, risk, banks })

export const COUNTRIES: readonly CountryInfo[] = [
  c('DE', 'EUR', 'de', 30, 'low', [
    ['DEUTDEFF', '50070010'],
    ['COBADEFF', '50040000'],
    ['GENODEM1', '40060000'],
    ['BYLADEMM', '70050000'],
    ['HYVEDEMM', '70020270'],
  ]),
  c('FR', 'EUR', 'fr', 11, 'low', [
    ['BNPAFRPP', '30004'],
    ['SOGEFRPP', '30003'],
    ['CRLYFRPP', '30002'],
  ]),
  c('NL', 'EUR', 'nl', 7, 'low', [
    ['INGBNL2A', 'INGB'],
    ['ABNANL2A', 'ABNA'],
    ['RABONL2U', 'RABO'],
  ]),
  c('IT', 'EUR', 'it', 7, 'low', [
    ['UNCRITMM', 'X02008'],
    ['BCITITMM', 'X03069'],
  ]),
  c('ES', 'EUR', 'es', 5, 'low', [
    ['BSCHESMM', '0049'],
    ['BBVAESMM', '0182'],
    ['CAIXESBB', '2100'],
  ]),
  c('AT', 'EUR', 'de', 4, 'low', [
    ['BKAUATWW', '12000'],
    ['RZBAATWW', '31000'],
  ]),
  c('BE', 'EUR', 'fr', 3, 'low', [['GEBABEBB', '001']]),
  c('LU', 'EUR', 'fr', 1, 'low', [['BCEELULL', '001']]),
  c('GB', 'GBP', 'en', 5, 'low', [
    ['BARCGB22', 'BARC'],
    ['HBUKGB4B', 'HBUK'],
    ['NWBKGB2L', 'NWBK'],
  ]),
  c('IE', 'EUR', 'en', 1, 'low', [['AIBKIE2D', 'AIBK']]),
  c('CH', 'CHF', 'de', 3, 'low', [
    ['UBSWCHZH', '00230'],
    ['ZKBKCHZZ', '00700'],
  ]),
  c('PL', 'PLN', 'pl', 4, 'low', [
    ['PKOPPLPW', '10201026'],
    ['BPKOPLPW', '10202892'],
  ]),
  c('CZ', 'CZK', 'cs', 2, 'low', [
    ['KOMBCZPP', '0100'],
    ['CEKOCZPP', '0300'],
  ]),
  c('SE', 'SEK', 'nordic', 1.5, 'low', [['ESSESESS', '500']]),
  c('DK', 'DKK', 'nordic', 1, 'low', [['DABADKKK', '3000']]),
  c('FI', 'EUR', 'nordic', 1, 'low', [['NDEAFIHH', '123']]),
  c('PT', 'EUR', 'es', 1, 'low', [['CGDIPTPL', '0035']]),
  c('GR', 'EUR', 'en', 1, 'low', [['ETHNGRAA', '011']]),
  c('HU', 'HUF', 'en', 1, 'low', [['OTPVHUHB', '117']]),
  c('RO', 'RON', 'en', 1, 'low', [['RNCBROBU', 'RNCB']]),
  c('BG', 'BGN', 'en', 0.5, 'low', [['UNCRBGSF', 'UNCR']]),
  c('CY', 'EUR', 'en', 1, 'low', [
    ['BCYPCY2N', '002'],
    ['HEBACY2N', '005'],
  ]),
  c('LV', 'EUR', 'baltic', 0.7, 'low', [['HABALV22', 'HABA']]),
  c('LT', 'EUR', 'baltic', 0.7, 'low', [['CBVILT2X', '70440']]),
  c('EE', 'EUR', 'baltic', 0.5, 'low', [['HABAEE2X', '22']]),
  c('US', 'USD', 'en', 3, 'low', [
    ['CHASUS33', '02100002'],
    ['BOFAUS3N', '02600959'],
    ['CITIUS33', '02100008'],
  ]),
  c('JP', 'JPY', 'ja', 1, 'low', [
    ['BOTKJPJT', '0005'],
    ['SMBCJPJT', '0009'],
  ]),
  c('CN', 'CNY', 'zh', 2, 'hub', [
    ['ICBKCNBJ', '6222'],
    ['BKCHCNBJ', '6217'],
  ]),
  c('HK', 'HKD', 'zh', 1, 'hub', [
    ['HSBCHKHH', '004'],
    ['BKCHHKHH', '012'],
  ]),
  c('AE', 'AED', 'ar', 1.5, 'hub', [
    ['EBILAEAD', '026'],
    ['NBADAEAA', '035'],
    ['ADCBAEAA', '030'],
  ]),
  c('TR', 'TRY', 'tr', 2, 'hub', [
    ['TCZBTR2A', '00010'],
    ['AKBKTRIS', '00046'],
    ['ISBKTRIS', '00064'],
  ]),
  // Singapore: a trading hub in the generated trade only (weight 0: no random SG residents).
  c('SG', 'SGD', 'en', 0, 'low', [
    ['DBSSSGSG', '7171'],
    ['OCBCSGSG', '7339'],
    ['UOVBSGSG', '7375'],
  ]),
  c('KZ', 'KZT', 'kk', 0.5, 'hub', [
    ['KCJBKZKX', '722'],
    ['HSBKKZKX', '601'],
  ]),
  c('KG', 'KGS', 'ru', 0.2, 'hub', [['KICBKG22', '1280']]),
  c('AM', 'AMD', 'ru', 0.2, 'hub', [['ARMIAM22', '2470']]),
  c('GE', 'GEL', 'en', 0.3, 'hub', [
    ['BAGAGE22', 'BG'],
    ['TBCBGE22', 'TB'],
  ]),
  c('RS', 'RSD', 'en', 0.3, 'hub', [['AIKBRS22', '105']]),
  c('RU', 'RUB', 'ru', 0.5, 'sanctioned', [
    ['SABRRUMM', '0'],
    ['VTBRRUMM', '0'],
  ]),
  c('BY', 'BYN', 'ru', 0.1, 'sanctioned', [['BPSBBY2X', 'BPSB']]),
  c('IR', 'IRR', 'fa', 0.05, 'sanctioned', [['BMJIIRTH', '017']]),
]

export const COUNTRY: Record<string, CountryInfo> = Object.fromEntries(
  COUNTRIES.map((x) => [x.code, x]),
)

export const HUB_COUNTRIES = ['AE', 'TR', 'KZ', 'KG', 'AM', 'GE', 'HK', 'CN', 'RS'] as const
export const SANCTIONED_COUNTRIES = ['RU', 'BY', 'IR'] as const
export const LOW_RISK_TRADE = [
  'DE',
  'FR',
  'NL',
  'IT',
  'AT',
  'CH',
  'GB',
  'US',
  'JP',
  'SE',
  'BE',
] as const
