/** What a command prints, and with which exit code when it is not 0 but still a report (audit verify). */
export type CommandOutput = string | { text: string; exitCode: number };
