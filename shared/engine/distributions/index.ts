/** Probability distributions for tests and regression: cdf, survival (sf, computed directly) and quantiles. */
export { normalCdf, normalSf, normalQuantile, normalPdf } from './normal';
export { chi2Cdf, chi2Sf } from './chi2';
export { tCdf, tSf, tQuantile, tPdf } from './t';
export { fCdf, fSf } from './f';
export { logGamma, logBeta } from './special';
export { incGamma, incBeta } from './incomplete';
