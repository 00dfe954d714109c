import { AccountError, addGroup, addMember, addUser, listAccounts, removeGroup, removeMember, removeUser, revokeSessions, setPassword } from './accounts';
import { parseArgs } from './cli-args';
import type { Sql } from './database';

/** The admin CLI's commands, run against a database (by the CLI itself, or by a running embedded server for it). */
export const USAGE = `usage: npm run sync:admin -- --data DIR COMMAND   (or DATABASE_URL=… instead of --data)
  user add NAME --password PW      user remove NAME      user passwd NAME --password PW
  user revoke NAME                 (ends every session of NAME, keeps the password)
  group add G                      group remove G
  group member G NAME              group member G NAME --remove
  list`;

export async function runAdminCommand(sql: Sql, argv: readonly string[], password: string): Promise<string> {
  const { options, words } = parseArgs(argv);
  const [area, verb, first, second] = words;
  if (area === 'user' && verb === 'add' && first) return (await addUser(sql, first, password), `user "${first}" added`);
  if (area === 'user' && verb === 'remove' && first) return (await removeUser(sql, first), `user "${first}" removed`);
  if (area === 'user' && verb === 'passwd' && first) return (await setPassword(sql, first, password), `password of "${first}" changed; their sessions ended`);
  if (area === 'user' && verb === 'revoke' && first) return (await revokeSessions(sql, first), `sessions of "${first}" ended`);
  if (area === 'group' && verb === 'add' && first) return (await addGroup(sql, first), `group "${first}" added`);
  if (area === 'group' && verb === 'remove' && first) return (await removeGroup(sql, first), `group "${first}" removed`);
  if (area === 'group' && verb === 'member' && first && second) {
    if (options.get('remove') !== undefined) return (await removeMember(sql, first, second), `"${second}" left "${first}"`);
    return (await addMember(sql, first, second), `"${second}" is a member of "${first}"`);
  }
  if (area === 'list') return JSON.stringify(await listAccounts(sql), null, 2);
  throw new AccountError(USAGE);
}
