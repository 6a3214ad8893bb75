export { readDta } from './read';
export { EXT_BASE, EXT_TOP } from './missing';
