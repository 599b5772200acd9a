// Which code a report was written by: the commit, and whether the tree held changes beyond the report itself.
import { spawnSync } from 'node:child_process';

const git = (root: string, args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';

/** "abc1234", "abc1234 (with uncommitted changes)", or "unknown" outside a git checkout. `report` is the file being
 * rewritten, whose own change does not count. */
export function commitStamp(root: string, report: string): string {
  const dirty = git(root, ['status', '--porcelain', '--', '.', `:!${report}`]) ? ' (with uncommitted changes)' : '';
  return `${git(root, ['rev-parse', '--short', 'HEAD']) || 'unknown'}${dirty}`;
}
