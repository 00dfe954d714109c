/** `--name value` options and the remaining words, for the two small CLIs. */
export function parseArgs(argv: readonly string[]): { options: Map<string, string>; words: string[] } {
  const options = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      // A flag with no value (`--remove`) reads as 'true'.
      const value = inline ?? (next === undefined || next.startsWith('--') ? 'true' : next);
      options.set(name, value);
      if (inline === undefined && value === next) i += 1;
    } else words.push(arg);
  }
  return { options, words };
}
