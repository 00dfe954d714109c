import { AccountError } from './accounts';
import { runAdminCommand } from './admin-commands';
import { askRunningServer } from './admin-socket';
import { parseArgs } from './cli-args';
import { openDatabase } from './database';

/**
 * npm run sync:admin -- --data DIR COMMAND   (or DATABASE_URL=… instead of --data); see admin-commands.ts.
 * On the embedded database while the server runs, the server runs the command (admin-socket.ts).
 */
const argv = process.argv.slice(2);
const { options } = parseArgs(argv);
const password = options.get('password') ?? process.env.SYNC_PASSWORD ?? '';
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = options.get('data');

async function run(): Promise<string> {
  if (!databaseUrl && dataDir) {
    const answer = await askRunningServer(dataDir, { argv, password });
    if (answer) {
      if (!answer.ok) throw new AccountError(answer.output);
      return answer.output;
    }
  }
  const sql = await openDatabase({ url: databaseUrl, dataDir });
  try {
    return await runAdminCommand(sql, argv, password);
  } finally {
    await sql.close();
  }
}

try {
  console.log(await run());
} catch (error) {
  console.error(error instanceof AccountError ? error.message : error);
  process.exitCode = 1;
}
