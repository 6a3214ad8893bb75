/** Types of scripts/cli-stamp.mjs for the tests that call it. */
export const STAMP: string;
export function writeStamp(root: string, dir: string, files: string[]): void;
export function stampIsCurrent(root: string, dir: string): boolean;
