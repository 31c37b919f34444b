// names/: normalisation, similarity and indexed matching of party names against watch lists.
export { normalizeName, foldText, looksLikeCompany, type NormalName } from './normalize.ts'
export { transliterate } from './translit.ts'
export { jaro, jaroWinkler, editDistance, editSimilarity } from './jaro-winkler.ts'
export {
  compareNames,
  tokenSim,
  tokenWeight,
  type NameKind,
  type NameComparison,
  type NameParts,
  type TokenPair,
} from './compare.ts'
export {
  MATCHER_VERSION,
  NameIndex,
  kindOfSchema,
  type IndexEntry,
  type NameHit,
  type MatchOptions,
} from './name-index.ts'
