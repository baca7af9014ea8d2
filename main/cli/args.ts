import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliArgs {
  command: string | undefined;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Parses `lotse <command> [positionals] [--flags]`; unknown flags are an error with the command's usage. */
export function parseCli(argv: string[], options: NonNullable<ParseArgsConfig['options']>): CliArgs {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  return { command: positionals[0], positionals: positionals.slice(1), values: values as CliArgs['values'] };
}
