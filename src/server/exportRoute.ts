/**
 * GET /export/<kind>.ndjson[?since=<revision>]: one JSON object per line,
 * streamed as it is read (a batch at a time, waiting for the client when
 * its socket is full), all as of the revision in the X-Revision header.
 * With `since`, only what changed after it, deletions as
 * `{"id":…,"deleted":true}`.
 */
import type express from 'express';
import type { DataSource } from 'typeorm';
import { EXPORT_KINDS, ExportError, openExport, type ExportKind } from '../db/export';

export function exportHandler(ds: DataSource, logError: (e: unknown) => void): express.RequestHandler {
  return async (req, res) => {
    const m = /^([a-z]+)\.ndjson$/.exec(String(req.params.file));
    const kind = m?.[1] as ExportKind | undefined;
    if (!kind || !EXPORT_KINDS.includes(kind)) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `no such export: one of ${EXPORT_KINDS.map((k) => `/export/${k}.ndjson`).join(', ')}` } });
      return;
    }
    const raw = req.query.since;
    const since = raw === undefined ? null : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
    let exp;
    try {
      exp = await openExport(ds, kind, since);
    } catch (e) {
      if (e instanceof ExportError) {
        res.status(e.code === 'SNAPSHOT_REQUIRED' ? 410 : 400).json({ error: { code: e.code, message: e.message, ...e.details } });
        return;
      }
      logError(e);
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('x-revision', String(exp.revision));
    res.setHeader('cache-control', 'no-store');
    let closed = false;
    res.once('close', () => (closed = true));
    try {
      for await (const row of exp.rows) {
        if (closed) break; // leaving the loop ends the generator, which releases the snapshot
        if (!res.write(`${JSON.stringify(row)}\n`)) await drainedOrClosed(res);
      }
      if (!closed) res.end();
    } catch (e) {
      // Headers are gone: all that is left is to cut the stream, which the client sees as an incomplete file.
      logError(e);
      res.destroy(e as Error);
    }
  };
}

/** Resolves when the response can take more, or is gone; leaves no listener behind. */
function drainedOrClosed(res: express.Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
