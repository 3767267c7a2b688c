/**
 * The CSV exports on the real server, parsed back with a strict RFC 4180
 * reader: a header row, only the program's rows, formulas defused, no
 * sensitive answers, rating comments hidden from an admin who is the other
 * person of that pair (unless shared), admins only, each download audited.
 */
import { and, asc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { RunningTandem } from '../../src/main';
import type { Database } from '../../src/store/database';
import { auditLog } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { OTHER_TENANT, TENANT, type HealthFixture } from '../services/programHealthFixture';
import { startProgramHealthServer } from './programHealthServer';

type Table = Record<string, string>[];

describe.each(testDatabaseTargets)('the CSV exports, on $name', (target) => {
  let database: Database;
  let app: RunningTandem;
  let fx: HealthFixture;
  let tokens: Record<string, string>;

  async function download(file: string, token?: string, programId = fx.program.id) {
    const response = await fetch(`${app.url}/api/v1/programs/${programId}/exports/${file}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }

  async function table(file: string, token: string | undefined): Promise<{ header: string[]; rows: Table }> {
    const { status, text } = await download(file, token);
    expect(status).toBe(200);
    const records: string[][] = parse(text, { bom: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
    const [header, ...lines] = records;
    return { header: header!, rows: lines.map((line) => Object.fromEntries(header!.map((h, i) => [h, line[i]!]))) };
  }

  beforeAll(async () => {
    ({ database, app, fx, tokens } = await startProgramHealthServer(
      target,
      [
        ['admin', TENANT],
        ['e1', TENANT],
        ['plain', TENANT],
        ['xadmin', OTHER_TENANT],
      ],
      async (seeded, seededFx) => {
        // Ann (e1) is a mentee in the program and one of its admins.
        await createStore(seeded.db).programs.addAdmin(TENANT, seededFx.program.id, seededFx.people.e1!);
      },
    ));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves UTF-8 CSV as an attachment named after the program and table', async () => {
    const { status, headers, bytes } = await download('pairs.csv', tokens.admin);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(headers.get('content-disposition')).toBe('attachment; filename="mentoring-pairs.csv"');
    expect(headers.get('cache-control')).toBe('no-store');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFFrelationship_id,mentor,mentor_email,mentee,mentee_email,status,stage,started_at,ended_at,sessions_held,sessions_missed,sessions_cancelled,last_held_session_at,average_rating,ratings,goals,goals_done,open_flags',
    );
  });

  it('exports the participants with their answers, formulas defused and sensitive answers left out', async () => {
    const { header, rows } = await table('participants.csv', tokens.admin);
    expect(header.slice(0, 10)).toEqual(['person_id', 'name', 'email', 'role', 'status', 'registered_at', 'withdrawn_at', 'mentor_capacity', 'current_mentees', 'current_mentor']);
    expect(header).toContain('languages');
    expect(header).not.toContain('background');
    expect(rows.map((r) => r.name).sort()).toEqual(['Ann Mentee', 'Bo Mentee', 'Cy Mentee', 'Di Mentee', 'Ed Mentee', 'Flo Both', 'Max Mentor', 'Mia Mentor', 'Mo Mentor']);
    const mia = rows.find((r) => r.name === 'Mia Mentor')!;
    expect(mia).toMatchObject({ role: 'mentor', mentor_capacity: '2', current_mentees: '2', registered_at: '2026-04-10T00:00:00.000Z', languages: 'English; German', department: 'Engineering' });
    expect(rows.find((r) => r.name === 'Ann Mentee')).toMatchObject({ current_mentor: 'Mia Mentor', current_mentees: '', mentor_capacity: '' });
    expect(rows.find((r) => r.name === 'Di Mentee')).toMatchObject({ status: 'withdrawn', withdrawn_at: '2026-05-25T00:00:00.000Z' });
    expect(mia.goals).toBe(`'=cmd|" /C calc"!A0, and "quotes"\nnew line`);
  });

  it("exports only the program's pairs and sessions, with their figures", async () => {
    const pairs = (await table('pairs.csv', tokens.admin)).rows;
    expect(pairs.map((p) => p.relationship_id).sort()).toEqual([fx.relationships.r1, fx.relationships.r2, fx.relationships.r3, fx.relationships.r4].sort());
    expect(pairs.find((p) => p.relationship_id === fx.relationships.r1)).toMatchObject({
      mentor: 'Mia Mentor',
      mentee: 'Ann Mentee',
      status: 'active',
      sessions_held: '3',
      sessions_missed: '1',
      last_held_session_at: '2026-05-19T10:00:00.000Z',
      average_rating: '3.33',
      ratings: '6',
      goals: '2',
      goals_done: '1',
      open_flags: 'low-rating',
    });
    const sessions = (await table('sessions.csv', tokens.admin)).rows;
    expect(sessions).toHaveLength(8);
    expect(sessions.find((s) => s.session_id === fx.sessions.s2)).toMatchObject({ status: 'held', mentor_response: 'organizer', mentee_response: 'accepted', ratings: '2', average_rating: '4.5' });
    expect(sessions.find((s) => s.session_id === fx.sessions.s5)).toMatchObject({ status: 'cancelled', cancelled_at: '2026-05-02T10:00:00.000Z' });
  });

  it("shows rating comments to admins, but not another person's private comment to an admin in that pair", async () => {
    const forAdmin = (await table('ratings.csv', tokens.admin)).rows;
    expect(forAdmin).toHaveLength(7);
    expect(forAdmin.map((r) => r.comment).filter(Boolean).sort()).toEqual([
      "'@mentee was well prepared",
      'Clear next steps, thank you',
      'Felt rushed, "not useful"',
    ]);
    const forAnn = (await table('ratings.csv', tokens.e1)).rows;
    const mias = forAnn.filter((r) => r.rater === 'Mia Mentor');
    expect(mias.map((r) => [r.score, r.comment, r.comment_shared_with_partner])).toEqual([
      ['4', '', 'false'],
      ['3', '', 'false'],
    ]);
    expect(forAnn.filter((r) => r.rater === 'Ann Mentee').map((r) => r.comment).filter(Boolean)).toEqual(['Clear next steps, thank you', 'Felt rushed, "not useful"']);
  });

  it('refuses non-admins and other tenants, and audits every download', async () => {
    for (const file of ['participants.csv', 'pairs.csv', 'sessions.csv', 'ratings.csv']) {
      expect((await download(file)).status).toBe(401);
      expect((await download(file, tokens.plain)).status).toBe(403);
      expect((await download(file, tokens.xadmin)).status).toBe(403);
      expect((await download(file, tokens.admin, fx.foreignProgram.id)).status).toBe(403);
    }
    expect((await download('people.csv', tokens.admin)).status).toBe(404);
    const before = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'program.export'), eq(auditLog.targetId, fx.program.id)));
    await download('sessions.csv', tokens.admin);
    const after = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'program.export'), eq(auditLog.targetId, fx.program.id))).orderBy(asc(auditLog.id));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorPersonId: fx.people.admin, targetType: 'program', details: { table: 'sessions', rows: 8 } });
  });
});
