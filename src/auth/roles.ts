/**
 * Who may manage a program: the tenant's admins (named in configuration or
 * members of the admin group, see tenantAdmins.ts) and the people listed as
 * that program's admins. A program of another tenant is never anyone's to
 * manage, tenant admins included, and is refused like one that does not
 * exist, so program ids never tell anything across tenants.
 */
import type { Store } from '../store/store';
import type { Program } from '../store/repositories/programs';
import { HttpProblem } from '../http/problems';
import type { Caller } from './caller';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOT_PROGRAM_ADMIN = "Only this program's admins can do that.";
export const NOT_TENANT_ADMIN = "Only your organisation's Tandem admins can do that.";

export async function requireProgramAdmin(store: Store, caller: Caller, programId: string): Promise<void> {
  const refused = new HttpProblem(403, NOT_PROGRAM_ADMIN);
  // Program ids are uuids in the database; anything else cannot name a program (and would fail the query).
  if (!UUID.test(programId)) throw refused;
  if (caller.isTenantAdmin) {
    if (await store.programs.get(caller.tenantId, programId)) return;
    throw refused;
  }
  if (await store.programs.isAdmin(caller.tenantId, programId, caller.personId)) return;
  throw refused;
}

/** The program, for one of its admins; 403 before anything about it is read otherwise. */
export async function adminProgram(store: Store, caller: Caller, programId: string): Promise<Program> {
  await requireProgramAdmin(store, caller, programId);
  const program = await store.programs.get(caller.tenantId, programId);
  if (!program) throw new HttpProblem(403, NOT_PROGRAM_ADMIN);
  return program;
}

export function requireTenantAdmin(caller: Caller): void {
  if (!caller.isTenantAdmin) throw new HttpProblem(403, NOT_TENANT_ADMIN);
}

/** The programs the caller administers: every one of the tenant for a tenant admin, else those that list them. */
export async function programsAdministeredBy(store: Store, caller: Caller): Promise<Program[]> {
  return caller.isTenantAdmin
    ? store.programs.listAll(caller.tenantId)
    : store.programs.listAdministeredBy(caller.tenantId, caller.personId);
}
