/**
 * Who may manage a program: the tenant's admins (named in configuration) and
 * the people listed as that program's admins. A program of another tenant is
 * never anyone's to manage, tenant admins included.
 */
import type { Store } from '../store/store';
import { HttpProblem } from '../http/problems';
import type { Caller } from './caller';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function requireProgramAdmin(store: Store, caller: Caller, programId: string): Promise<void> {
  const refused = new HttpProblem(403, "Only this program's admins can do that.");
  // Program ids are uuids in the database; anything else cannot name a program (and would fail the query).
  if (!UUID.test(programId)) throw refused;
  if (caller.isTenantAdmin) {
    if (await store.programs.get(caller.tenantId, programId)) return;
    throw refused;
  }
  if (await store.programs.isAdmin(caller.tenantId, programId, caller.personId)) return;
  throw refused;
}
