/** Output rules and suppression: the one entry point for everything that leaves the app. */
export * from './rules';
export * from './primary/cell-rules';
export * from './primary/result-checks';
export { auditSuppression, AuditError, type AuditEntry, type AuditOptions } from './secondary/audit';
export { protectTable, type Layer, type ProtectOptions, type ProtectResult } from './secondary/suppress';
export { crosstabLayout, flattenCrosstab, sumConstraint, type Constraint, type LinearTable } from './secondary/linear-table';
export { bannerLayout } from './secondary/banner-layout';
export { applyRulesToCrosstab } from './apply/crosstab';
export { applyRulesToBanner } from './apply/one-banner';
export { applyRulesToFreq, type DisclosedFreqCategory, type DisclosedFreqResult } from './apply/freq';
export { checkerRows, type CheckerRow, type CheckerOptions } from './report/checker-sheet-rows';
export * from './overrides/override';
export * from './overrides/match';
export * from './overrides/record';
export * from './overrides/apply';
export { suppressMagnitudeTable, type MagnitudeSuppression } from './primary/magnitude';
export { applyRulesToBanners } from './apply/banner-group';
export { auditLinkedBanners } from './secondary/linked-audit';
