/** Types of scripts/build-cli.mjs for the tests that call it. */
export function buildCli(outDir?: string): Promise<{ inputs: number; outputs: number }>;
