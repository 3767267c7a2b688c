/**
 * Setting programs up: create, edit, replace the questionnaire, open
 * registration and close, and read what admins did (the audit log). The HTTP
 * edge has checked the body's shape and the caller's role; this checks what
 * needs the stored program or the whole settings, writes, and records every
 * change in the audit log with who did it.
 */
import { defaultProgram } from '../domain/defaultProgram';
import { programDefaults, type ProgramSettings } from '../domain/program';
import type { Questionnaire } from '../domain/questionnaire';
import {
  answerImpact,
  answerImpactProblem,
  questionnaireProblems,
  type AnswerImpact,
  type QuestionnaireProblem,
} from '../domain/questionnaireRules';
import type { AuditEntry } from '../store/repositories/auditLog';
import type { Program, ProgramAdmin, ProgramChanges } from '../store/repositories/programs';
import type { Store } from '../store/store';

export type Problem = QuestionnaireProblem;

/** A new program as an admin describes it; anything left out takes the recommended default. */
export type NewProgram = Partial<Omit<ProgramSettings, 'slug' | 'status' | 'questionnaire'>> & {
  name: string;
  questionnaire?: Questionnaire;
  adminPersonIds?: string[];
};

export type ProgramEdit = ProgramChanges & { adminPersonIds?: string[] };

export interface ProgramWithAdmins {
  program: Program;
  admins: ProgramAdmin[];
}

export type WriteResult<T> = { kind: 'ok'; value: T; changed: boolean } | { kind: 'invalid'; problems: Problem[] } | { kind: 'conflict'; reason: string };

export interface Actor {
  tenantId: string;
  personId: string;
}

/** Dates and shape together: a cohort runs from a start to a later end; an evergreen program has no dates. */
export function programSettingsProblems(s: Pick<ProgramSettings, 'shape' | 'startsOn' | 'endsOn'>): Problem[] {
  if (s.shape === 'evergreen') {
    const problems: Problem[] = [];
    if (s.startsOn !== null) problems.push({ field: 'startsOn', reason: 'an evergreen program has no start date (send null, or make it a cohort)' });
    if (s.endsOn !== null) problems.push({ field: 'endsOn', reason: 'an evergreen program has no end date (send null, or make it a cohort)' });
    return problems;
  }
  if (s.startsOn === null) return [{ field: 'startsOn', reason: 'a cohort needs a start date' }];
  if (s.endsOn === null) return [{ field: 'endsOn', reason: 'a cohort needs an end date' }];
  if (s.endsOn <= s.startsOn) return [{ field: 'endsOn', reason: 'must be after startsOn' }];
  return [];
}

function slugFrom(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'program';
}

/** The fields that changed, and for settings that are not free text, their new values (the audit log never keeps text people wrote). */
function changeDetails(before: Program, changes: ProgramChanges): { fields: string[]; values: Record<string, unknown> } {
  const fields: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes) as [keyof ProgramChanges, unknown][]) {
    if (value === undefined || JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    fields.push(key);
    if (key !== 'name' && key !== 'description') values[key] = value;
  }
  return { fields, values };
}

export function createProgramAdminService(deps: { store: Store }) {
  const { store } = deps;

  /** The admins must be people of the tenant Tandem knows (they have chatted with the bot). */
  async function adminProblems(tenantId: string, personIds: string[] | undefined): Promise<Problem[]> {
    if (!personIds) return [];
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const [i, personId] of personIds.entries()) {
      if (seen.has(personId)) problems.push({ field: `adminPersonIds.${i}`, reason: 'is listed twice' });
      seen.add(personId);
      if (!(await store.people.get(tenantId, personId))) {
        problems.push({ field: `adminPersonIds.${i}`, reason: 'is not a person of your organisation in Tandem' });
      }
    }
    return problems;
  }

  async function withAdmins(program: Program): Promise<ProgramWithAdmins> {
    return { program, admins: await store.programs.listAdmins(program.tenantId, program.id) };
  }

  return {
    withAdmins,

    async create(actor: Actor, input: NewProgram): Promise<WriteResult<ProgramWithAdmins>> {
      const settings: ProgramSettings = {
        slug: slugFrom(input.name),
        name: input.name,
        description: input.description ?? '',
        type: input.type ?? 'one-to-one',
        shape: input.shape ?? 'evergreen',
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        // A configured program is usually matched by the admin's reviewed run.
        matchingMode: input.matchingMode ?? 'algorithm',
        status: 'draft',
        questionnaire: input.questionnaire ?? defaultProgram.questionnaire,
        mentorCapacityDefault: input.mentorCapacityDefault ?? programDefaults.mentorCapacityDefault,
        cadenceDays: input.cadenceDays ?? programDefaults.cadenceDays,
        sessionMinutes: input.sessionMinutes ?? programDefaults.sessionMinutes,
        reminderOffsetsMinutes: input.reminderOffsetsMinutes ?? [...programDefaults.reminderOffsetsMinutes],
        maxTimeZoneGapHours: input.maxTimeZoneGapHours === undefined ? programDefaults.maxTimeZoneGapHours : input.maxTimeZoneGapHours,
        proposalExpiryDays: input.proposalExpiryDays ?? programDefaults.proposalExpiryDays,
        ratingDelayMinutes: input.ratingDelayMinutes ?? programDefaults.ratingDelayMinutes,
      };
      const problems = [
        ...programSettingsProblems(settings),
        ...questionnaireProblems(settings.questionnaire).map((p) => ({ ...p, field: `questionnaire.${p.field}` })),
        ...(await adminProblems(actor.tenantId, input.adminPersonIds)),
      ];
      if (problems.length > 0) return { kind: 'invalid', problems };

      const created = await store.transaction(async (tx) => {
        let program: Program | undefined;
        // Two programs may share a name; their slugs get a number.
        for (let n = 1; !program && n <= 50; n++) {
          program = await tx.programs.create(actor.tenantId, { ...settings, slug: n === 1 ? settings.slug : `${settings.slug}-${n}` });
        }
        if (!program) throw new Error('no free slug for the program');
        if (input.adminPersonIds) await tx.programs.replaceAdmins(actor.tenantId, program.id, input.adminPersonIds);
        await tx.auditLog.record({
          tenantId: actor.tenantId,
          actorPersonId: actor.personId,
          action: 'program.create',
          targetType: 'program',
          targetId: program.id,
          details: {
            programId: program.id,
            type: program.type,
            shape: program.shape,
            matchingMode: program.matchingMode,
            questions: program.questionnaire.questions.length,
            adminPersonIds: input.adminPersonIds ?? [],
          },
        });
        return program;
      });
      return { kind: 'ok', value: await withAdmins(created), changed: true };
    },

    async update(actor: Actor, program: Program, edit: ProgramEdit): Promise<WriteResult<ProgramWithAdmins>> {
      const { adminPersonIds, ...changes } = edit;
      const merged = { ...program, ...changes };
      const problems = [...programSettingsProblems(merged), ...(await adminProblems(actor.tenantId, adminPersonIds))];
      if (problems.length > 0) return { kind: 'invalid', problems };

      const { fields, values } = changeDetails(program, changes);
      const admins = adminPersonIds ? await store.programs.listAdmins(program.tenantId, program.id) : [];
      const adminsBefore = new Set(admins.map((a) => a.personId));
      const adminsChanged =
        adminPersonIds !== undefined &&
        (adminPersonIds.length !== adminsBefore.size || adminPersonIds.some((id) => !adminsBefore.has(id)));
      if (fields.length === 0 && !adminsChanged) return { kind: 'ok', value: await withAdmins(program), changed: false };

      const updated = await store.transaction(async (tx) => {
        const row = fields.length > 0 ? await tx.programs.update(program.tenantId, program.id, changes) : program;
        if (fields.length > 0) {
          await tx.auditLog.record({
            tenantId: program.tenantId,
            actorPersonId: actor.personId,
            action: 'program.update',
            targetType: 'program',
            targetId: program.id,
            details: { programId: program.id, fields, values },
          });
        }
        if (adminsChanged && adminPersonIds) {
          await tx.programs.replaceAdmins(program.tenantId, program.id, adminPersonIds);
          const after = new Set(adminPersonIds);
          await tx.auditLog.record({
            tenantId: program.tenantId,
            actorPersonId: actor.personId,
            action: 'program.admins.replace',
            targetType: 'program',
            targetId: program.id,
            details: {
              programId: program.id,
              added: adminPersonIds.filter((id) => !adminsBefore.has(id)),
              removed: [...adminsBefore].filter((id) => !after.has(id)),
            },
          });
        }
        return row ?? program;
      });
      return { kind: 'ok', value: await withAdmins(updated), changed: true };
    },

    /**
     * Replaces the questionnaire with an edited one. Answers already given are
     * protected (see questionnaireRules.ts): removing or retyping an answered
     * question needs `allowDroppingAnswers`. An edit based on an older version
     * of the program (`expectedUpdatedAt`) is a conflict, never a silent overwrite.
     */
    async replaceQuestionnaire(
      actor: Actor,
      program: Program,
      questionnaire: Questionnaire,
      options: { allowDroppingAnswers: boolean; expectedUpdatedAt?: Date },
    ): Promise<WriteResult<{ program: Program; impact: AnswerImpact }>> {
      const problems = questionnaireProblems(questionnaire).map((p) => ({ ...p, field: `questionnaire.${p.field}` }));
      if (problems.length > 0) return { kind: 'invalid', problems };
      const impact = answerImpact(program.questionnaire, questionnaire, await store.programs.answeredCounts(program.tenantId, program.id));
      const refusal = answerImpactProblem(impact, questionnaire);
      if (refusal && !options.allowDroppingAnswers) {
        return { kind: 'invalid', problems: [{ ...refusal, field: `questionnaire.${refusal.field}` }] };
      }
      if (options.expectedUpdatedAt && options.expectedUpdatedAt.getTime() !== program.updatedAt.getTime()) {
        return { kind: 'conflict', reason: 'The program was changed since you opened it. Reload it and make your edit again.' };
      }
      if (JSON.stringify(program.questionnaire) === JSON.stringify(questionnaire)) {
        return { kind: 'ok', value: { program, impact }, changed: false };
      }
      const before = new Set(program.questionnaire.questions.map((q) => q.id));
      const after = new Set(questionnaire.questions.map((q) => q.id));
      const saved = await store.transaction(async (tx) => {
        const row = await tx.programs.replaceQuestionnaire(program.tenantId, program.id, questionnaire, program.updatedAt);
        if (!row) return undefined;
        await tx.auditLog.record({
          tenantId: program.tenantId,
          actorPersonId: actor.personId,
          action: 'program.questionnaire.replace',
          targetType: 'program',
          targetId: program.id,
          details: {
            programId: program.id,
            questions: questionnaire.questions.length,
            added: [...after].filter((id) => !before.has(id)),
            removed: [...before].filter((id) => !after.has(id)),
            answersDropped: impact.removed.length + impact.retyped.length > 0 ? impact : null,
          },
        });
        return row;
      });
      if (!saved) return { kind: 'conflict', reason: 'The program was changed at the same time. Reload it and make your edit again.' };
      return { kind: 'ok', value: { program: saved, impact }, changed: true };
    },

    /** Opens registration (from draft, or again after closing); opening an open program changes nothing. */
    async open(actor: Actor, program: Program): Promise<WriteResult<Program>> {
      return setStatus(actor, program, ['draft', 'closed'], 'open', 'program.open');
    },

    /** Closes the program to new registrations and matching; closing a closed one changes nothing. */
    async close(actor: Actor, program: Program): Promise<WriteResult<Program>> {
      return setStatus(actor, program, ['draft', 'open'], 'closed', 'program.close');
    },

    audit(program: Program, options: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
      return store.auditLog.listForProgram(program.tenantId, program.id, options);
    },
  };

  async function setStatus(
    actor: Actor,
    program: Program,
    from: Program['status'][],
    to: Program['status'],
    action: string,
  ): Promise<WriteResult<Program>> {
    if (to === 'open') {
      const problems = [...programSettingsProblems(program), ...questionnaireProblems(program.questionnaire)];
      if (problems.length > 0) return { kind: 'invalid', problems };
    }
    const moved = await store.transaction(async (tx) => {
      const row = await tx.programs.setStatus(program.tenantId, program.id, from, to);
      if (row) {
        await tx.auditLog.record({
          tenantId: program.tenantId,
          actorPersonId: actor.personId,
          action,
          targetType: 'program',
          targetId: program.id,
          details: { programId: program.id, from: program.status },
        });
      }
      return row;
    });
    if (moved) return { kind: 'ok', value: moved, changed: true };
    const current = (await store.programs.get(program.tenantId, program.id)) ?? program;
    return { kind: 'ok', value: current, changed: false };
  }
}

export type ProgramAdminService = ReturnType<typeof createProgramAdminService>;
