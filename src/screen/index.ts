// screen/: list import, party-name matching, controlled-goods classification and route flags.
export { importList, type ImportListOptions } from './import-list.ts'
export { screenWindow, listVersions } from './screen-window.ts'
export { classifyWindow } from './classify.ts'
export {
  screenNames,
  clearNameCache,
  loadNameIndex,
  explainHit,
  rescreenKnownParties,
  type NameScreening,
} from './screen-names.ts'
export { decideHit, ADJUST, type HitCandidate, type HitDecision } from './hit-rules.ts'
export { refreshPartyHits, hitId, type HitChanges } from './party-hits.ts'
export { LIST_CHANGE_DAYS } from './read-screening.ts'
export { readScreening } from './read-screening.ts'
export { listSnapshots, diffSnapshots, EntryChange, type SnapshotDiff } from './snapshots.ts'
export { ScreenConfig } from './config.ts'
export { FxConfig, CurrencyCode, isIsoCurrency } from './fx-config.ts'
export { ensureFxRates, activeFx, type ActiveFx } from './fx-rates.ts'
export { lexiconRegex, foldPurpose } from './goods-regex.ts'
export * from './types.ts'
export * from './names/index.ts'
export {
  parseList,
  detectListFormat,
  LIST_FORMATS,
  LIST_KINDS,
  FX_FORMATS,
  type ListFormat,
  type ListKind,
} from './lists/index.ts'
