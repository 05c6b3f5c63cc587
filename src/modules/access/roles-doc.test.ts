import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, type PolicyName, policies } from './policies.ts';
import { ROLES, type Role } from './roles.ts';
import { Subject } from './subject.ts';

const IN_SCOPE = 1;
const ELSEWHERE = 2;

/** What one role may do under each policy: anywhere, only within the unit(s) it is scoped to, or not. */
function rolesTable(): string {
  const names = (Object.keys(policies) as PolicyName[]).filter((p) => p !== 'public' && p !== 'signed_in');
  const header = `| policy | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => '---').join('|')}|`;
  const lines = names.map((p) => {
    const cells = ROLES.map((role: Role) => {
      const s = new Subject(
        { id: 1, name: 'x', email: 'x@x.vn', title: null, orgUnitId: IN_SCOPE, isDemo: false },
        [{ id: 1, role, orgUnitId: IN_SCOPE, includeSubUnits: false }],
        new Map([[role, new Set([IN_SCOPE])]]),
      );
      const here = can(s, p, { orgUnitId: IN_SCOPE });
      const there = can(s, p, { orgUnitId: ELSEWHERE });
      return here && there ? '✓' : here ? 'in scope' : there ? '?' : '–';
    });
    return `| \`${p}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...lines].join('\n');
}

describe('docs/roles.md', () => {
  it('shows what each role may do exactly as policies.ts says', () => {
    const doc = fs.readFileSync(new URL('../../../docs/roles.md', import.meta.url), 'utf8');
    const table = rolesTable();
    // Compared without the padding a Markdown formatter adds to table cells.
    const squeeze = (text: string) => text.replace(/[ \t]*\|[ \t]*/g, '|').replace(/-{3,}/g, '---');
    expect(
      squeeze(doc).includes(squeeze(table)),
      `docs/roles.md must contain this table:\n\n${table}\n`,
    ).toBe(true);
  });
});
