/**
 * A program's tables as CSV downloads for its admins:
 *   GET /api/v1/programs/:programId/exports/{participants,pairs,sessions,ratings}.csv
 * UTF-8 with a byte-order mark, RFC 4180, `Content-Disposition: attachment`.
 * Program admins and tenant admins only (401, 403 as for every admin route).
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import type { Caller } from '../../auth/caller';
import { exportKinds, type ProgramExportService } from '../../services/programExports';
import type { Store } from '../../store/store';
import { documentAdminRoutes } from '../openapi/document';
import { handle } from '../problems';
import { adminProgramOf } from './adminHealth';

export interface AdminExportRouteDeps {
  authenticate(req: Request): Promise<Caller>;
  store: Store;
  programExports: ProgramExportService;
  logger: Logger;
}

export function registerAdminExportRoutes(server: restify.Server, deps: AdminExportRouteDeps): void {
  documentAdminRoutes('exports');
  for (const kind of exportKinds) {
    server.get(
      `/api/v1/programs/:programId/exports/${kind}.csv`,
      handle(deps.logger, async (req: Request, res: Response) => {
        const { caller, program } = await adminProgramOf(req, deps);
        const file = await deps.programExports.exportTable(program, kind, caller.personId);
        const body = Buffer.from(file.csv, 'utf8');
        // Personal data leaving Tandem: who took which table is on record.
        await deps.store.auditLog.record({
          tenantId: program.tenantId,
          actorPersonId: caller.personId,
          action: 'program.export',
          targetType: 'program',
          targetId: program.id,
          details: { table: kind, rows: file.rows },
        });
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8; header=present',
          'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(body);
      }),
    );
  }
}
