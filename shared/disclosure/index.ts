/** Output rules and suppression: the one entry point for everything that leaves the app. */
export * from './rules';
export * from './primary';
export * from './checks';
export { auditSuppression, AuditError, type AuditEntry, type AuditOptions } from './audit';
export { protectTable, type Layer, type ProtectOptions, type ProtectResult } from './secondary';
export { crosstabLayout, flattenCrosstab, sumConstraint, type Constraint, type LinearTable } from './linear-table';
export { bannerLayout } from './banner-layout';
export { applyRulesToCrosstab } from './apply-crosstab';
export { applyRulesToBanner } from './apply-banner';
export { applyRulesToFreq, type DisclosedFreqCategory, type DisclosedFreqResult } from './apply-freq';
export { checkerRows, type CheckerRow, type CheckerOptions } from './checker';
export * from './override';
export * from './override-match';
export * from './override-record';
export * from './override-apply';
export { suppressMagnitudeTable, type MagnitudeSuppression } from './magnitude';
export { applyRulesToBanners } from './apply-banners';
