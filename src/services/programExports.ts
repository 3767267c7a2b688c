/**
 * A program's tables as CSV files for its admins: participants, pairs,
 * sessions and ratings. Only the program's rows; sensitive questionnaire
 * answers (shared background) are never exported.
 *
 * Rating comments: program admins see what raters write (the rating card and
 * the mentoring agreement say so), except an admin who is the other person in
 * that pair: they see a comment only if the rater chose to share it with them.
 */
import { toCsv, type CsvCell } from '../domain/csv';

type Table = { header: string[]; rows: CsvCell[][] };
import type { AnswerValue } from '../domain/answers';
import type { Question } from '../domain/questionnaire';
import type { ProgramExportsRepository } from '../store/repositories/programExports';
import type { Program } from '../store/repositories/programs';

export const exportKinds = ['participants', 'pairs', 'sessions', 'ratings'] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface ExportFile {
  fileName: string;
  csv: string;
  /** Data rows, the header not counted. */
  rows: number;
}

const iso = (epochMs: number | null): string | null => (epochMs === null ? null : new Date(epochMs).toISOString());
const table = (header: string[], rows: CsvCell[][]): Table => ({ header, rows });
const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

function answerText(question: Question, value: AnswerValue | undefined): CsvCell {
  if (value === undefined) return null;
  const title = (v: string) => question.options?.find((o) => o.value === v)?.title ?? v;
  if (Array.isArray(value)) return value.map(title).join('; ');
  return typeof value === 'string' ? title(value) : value;
}

export function createProgramExportService(deps: { exports: ProgramExportsRepository }) {
  const queries = deps.exports;

  async function participants(program: Program): Promise<Table> {
    const questions = program.questionnaire.questions.filter((q) => !q.sensitive);
    const rows = await queries.participantsForExport(program.tenantId, program.id);
    return table(
      ['person_id', 'name', 'email', 'role', 'status', 'registered_at', 'withdrawn_at', 'mentor_capacity', 'current_mentees', 'current_mentor', ...questions.map((q) => q.id)],
      rows.map((r) => [
        r.person_id,
        r.name,
        r.email,
        r.role,
        r.status,
        iso(r.registered_at),
        iso(r.withdrawn_at),
        r.capacity,
        r.role === 'mentee' ? null : r.current_mentees,
        r.current_mentor,
        ...questions.map((q) => answerText(q, r.answers[q.id])),
      ]),
    );
  }

  async function pairs(program: Program): Promise<Table> {
    const rows = await queries.pairsForExport(program.tenantId, program.id);
    return table(
      [
        'relationship_id', 'mentor', 'mentor_email', 'mentee', 'mentee_email', 'status', 'stage', 'started_at', 'ended_at',
        'sessions_held', 'sessions_missed', 'sessions_cancelled', 'last_held_session_at', 'average_rating', 'ratings',
        'goals', 'goals_done', 'open_flags',
      ],
      rows.map((r) => [
        r.id, r.mentor_name, r.mentor_email, r.mentee_name, r.mentee_email, r.status, r.stage, iso(r.started_at), iso(r.ended_at),
        r.held, r.missed, r.cancelled, iso(r.last_held_at), round2(r.average), r.ratings, r.goals, r.goals_done, r.open_flags,
      ]),
    );
  }

  async function sessions(program: Program): Promise<Table> {
    const rows = await queries.sessionsForExport(program.tenantId, program.id);
    return table(
      ['session_id', 'relationship_id', 'mentor', 'mentee', 'starts_at', 'ends_at', 'status', 'cancelled_at', 'mentor_response', 'mentee_response', 'ratings', 'average_rating'],
      rows.map((r) => [
        r.id, r.relationship_id, r.mentor_name, r.mentee_name, iso(r.starts_at), iso(r.ends_at), r.status, iso(r.cancelled_at),
        r.mentor_response, r.mentee_response, r.ratings, round2(r.average),
      ]),
    );
  }

  async function ratings(program: Program, viewerPersonId: string): Promise<Table> {
    const rows = await queries.ratingsForExport(program.tenantId, program.id);
    return table(
      ['rating_id', 'session_id', 'relationship_id', 'session_starts_at', 'rater', 'rater_role', 'score', 'took_place', 'comment', 'comment_shared_with_partner', 'rated_at'],
      rows.map((r) => {
        const viewerIsPartner = viewerPersonId !== r.rater_id && (viewerPersonId === r.mentor_id || viewerPersonId === r.mentee_id);
        const comment = viewerIsPartner && !r.share_with_partner ? null : r.most_useful;
        return [
          r.id, r.session_id, r.relationship_id, iso(r.session_starts_at), r.rater_name, r.rater_role, r.score, r.took_place,
          comment, r.share_with_partner, iso(r.created_at),
        ];
      }),
    );
  }

  return {
    /** The file for one table, for the admin asking (whose own pairs' private comments stay hidden). */
    async exportTable(program: Program, kind: ExportKind, viewerPersonId: string): Promise<ExportFile> {
      const t =
        kind === 'participants'
          ? await participants(program)
          : kind === 'pairs'
            ? await pairs(program)
            : kind === 'sessions'
              ? await sessions(program)
              : await ratings(program, viewerPersonId);
      return { fileName: `${program.slug}-${kind}.csv`, csv: toCsv(t.header, t.rows), rows: t.rows.length };
    },
  };
}

export type ProgramExportService = ReturnType<typeof createProgramExportService>;
