// Country names as lists write them ('Iran', 'Korea, North', 'Burma') → ISO 3166-1 alpha-2, through
// i18n-iso-countries' English names and aliases, plus the spellings OFAC uses that it lacks.
import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'

// (required, not imported: the built CLI keeps no JSON import attributes)
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'))

const OFAC_SPELLINGS: Record<string, string> = {
  syria: 'SY',
  burma: 'MM',
  'korea, north': 'KP',
  'korea, south': 'KR',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'congo, democratic republic of the': 'CD',
  'congo, republic of the': 'CG',
  "cote d'ivoire": 'CI',
  kosovo: 'XK',
  macau: 'MO',
  'the bahamas': 'BS',
  'the gambia': 'GM',
}

/** ISO alpha-2 code of a country name or code as a list writes it, or undefined. */
export function countryCode(name: string): string | undefined {
  const s = name.trim()
  if (/^[A-Za-z]{2}$/.test(s))
    return countries.isValid(s.toUpperCase()) ? s.toUpperCase() : undefined
  return OFAC_SPELLINGS[s.toLowerCase()] ?? countries.getAlpha2Code(s, 'en') ?? undefined
}
