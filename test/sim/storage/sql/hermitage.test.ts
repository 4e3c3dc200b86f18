/**
 * The isolation model against Hermitage's PostgreSQL results: every case at
 * every level gives, statement by statement, what Postgres gives, and the
 * summary table (case x level -> prevented / allowed) is printed.
 */
import { describe, expect, it } from 'vitest';
import { ISOLATION_LEVELS } from '../../../../sim/storage/sql/sql-types.ts';
import { HERMITAGE_CASES } from './hermitage-cases.ts';
import { committed, runScript } from './hermitage-script.ts';

describe('Hermitage (PostgreSQL) cases', () => {
  for (const c of HERMITAGE_CASES) {
    for (const level of ISOLATION_LEVELS) {
      it(`${c.name} at ${level}: ${c.verdict(level)}`, () => {
        const { db, mismatches } = runScript(level, c.steps(level));
        expect(mismatches).toEqual([]);
        expect(committed(db)).toEqual(c.final(level));
      });
    }
  }

  it('prints the summary table, each cell checked by running its script', () => {
    const header = `| case | ${ISOLATION_LEVELS.join(' | ')} |`;
    const lines = [header, `|${'---|'.repeat(ISOLATION_LEVELS.length + 1)}`];
    for (const c of HERMITAGE_CASES) {
      const cells = ISOLATION_LEVELS.map((level) => {
        const { mismatches } = runScript(level, c.steps(level));
        return mismatches.length === 0 ? c.verdict(level) : 'MISMATCH';
      });
      lines.push(`| ${c.name} | ${cells.join(' | ')} |`);
    }
    console.log(lines.join('\n'));
    expect(lines.join('\n')).not.toContain('MISMATCH');
  });
});
