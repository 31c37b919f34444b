// Transliteration to Latin, so that names written in any script compare with their Latin spellings:
// Cyrillic, Greek and Arabic letter by letter (BGN/PCGN-like simple schemes, tuned for names: alef is
// 'a', so that 'al-' particles survive), every other script (Chinese, Japanese, Korean, Georgian,
// Armenian, Hebrew, Devanagari, Thai, Ethiopic …) through the maintained any-ascii tables.
import anyAscii from 'any-ascii'

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh, Mongolian letters
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ө: 'o',
  ү: 'u',
  һ: 'h',
  қ: 'k',
  ғ: 'g',
  ң: 'n',
  ә: 'a',
  ұ: 'u',
}

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: 'y',
  ؤ: 'w',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ـ: '',
}

const TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...ARABIC }

const TABLED = /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/
/** A letter of a script other than Latin and those transliterated by the tables above. */
const OTHER_SCRIPT =
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}]/u
const OTHER_RUN =
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}]+/gu

/** True when the text holds a letter this module transliterates. */
export function needsTransliteration(text: string): boolean {
  return TABLED.test(text) || OTHER_SCRIPT.test(text)
}

/**
 * Chinese, Japanese and Korean legal forms written in their own script, in the Latin spelling the
 * legal-form table knows, spaced off the name they follow (CJK text has no spaces, any-ascii would run
 * the form into the name's last syllable, and it reads Japanese kanji with their Chinese sounds:
 * 株式会社 came out 'zhushihuishe', not 'kabushiki kaisha').
 */
const CJK_LEGAL_FORMS: Record<string, string> = {
  股份有限公司: 'gufen youxian gongsi',
  有限责任公司: 'youxian zeren gongsi',
  有限責任公司: 'youxian zeren gongsi',
  有限公司: 'youxian gongsi',
  株式会社: 'kabushiki kaisha',
  有限会社: 'yugen kaisha',
  合同会社: 'godo kaisha',
  주식회사: 'jusik hoesa',
  유한회사: 'yuhanhoesa',
  集团: 'jituan',
  集團: 'jituan',
  公司: 'gongsi',
}
const CJK_LEGAL = new RegExp(`(${Object.keys(CJK_LEGAL_FORMS).join('|')})`, 'g')

const HANGUL_RUN = /[\uac00-\ud7a3]+/g

/**
 * A Korean word in the spelling sanctions lists use for Korean names ('Kim Jong Un', 'Pak Pong Ju',
 * 'Choe Ryong Hae'): any-ascii spells each syllable in the Revised Romanization ('Gim Jeong Eun',
 * 'Bag Bong Ju'); on top, the letters the lists' spelling (the DPRK's own romanization, used on the
 * UN 1718 Committee's list and by OFAC) writes otherwise: a syllable's first g, d, b, l as k, t, p, r,
 * its last g, b, d as k, p, t, and the vowels eo, eu as o, u. The syllables of a word stay one word
 * ('kimjongun'): the list's words run together compare with it (compare.ts), and single syllables
 * as words ('yu', 'jin') paired with too many other names.
 */
function hangulSyllable(syllable: string): string {
  return anyAscii(syllable)
    .toLowerCase()
    .replace(/^[gdbl]/, (c) => KO_INITIAL[c])
    .replace(/([^n])g$/, '$1k')
    .replace(/b$/, 'p')
    .replace(/d$/, 't')
    .replace('eo', 'o')
    .replace('eu', 'u')
}
const KO_INITIAL: Record<string, string> = { g: 'k', d: 't', b: 'p', l: 'r' }

/** Each run of another script in any-ascii's Latin spelling, a space on either side of it. */
function otherScripts(text: string): string {
  if (!OTHER_SCRIPT.test(text)) return text
  return text
    .replace(CJK_LEGAL, (form) => ' ' + CJK_LEGAL_FORMS[form] + ' ')
    .replace(HANGUL_RUN, (run) => {
      let out = ' '
      for (const syllable of run) out += hangulSyllable(syllable)
      return out + ' '
    })
    .replace(OTHER_RUN, (run) => ' ' + anyAscii(run).toLowerCase() + ' ')
}

/**
 * Latin spelling of lower-case text: Cyrillic, Greek and Arabic letters through the tables above,
 * runs of other scripts through any-ascii (lower-cased, spaced off their neighbours), Latin kept.
 * Greek accents must already be stripped (NFD) for the table to apply.
 */
export function transliterate(lower: string): string {
  if (!needsTransliteration(lower)) return lower
  let out = ''
  if (TABLED.test(lower))
    for (const ch of lower) {
      const t = TABLE[ch]
      out += t === undefined ? ch : t
    }
  else out = lower
  return otherScripts(out)
}
