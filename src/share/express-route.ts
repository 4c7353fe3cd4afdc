/**
 * The share and export pages on `npm start`'s express app: GET /share/<token> and
 * /export/<token>[/journal.csv|json] (src/share/handler.ts decides everything).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ShareHandler } from './handler.ts';

export function shareRoute(handle: ShareHandler): RequestHandler {
  return async (req: Request, res: Response) => {
    // The whole path, as the handler reads it (express strips the mount point from req.path).
    const answer = await handle(req.method, `${req.baseUrl}${req.path}`);
    res.status(answer.status).set(answer.headers).send(answer.body);
  };
}
