/** Serves files of the renderer build, and nothing outside it. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../startup/mime';

export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.statusCode = 400;
    res.end('Bad request');
    return;
  }
  const rel = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep) && full !== normalize(root)) {
    res.statusCode = 403;
    res.end('Forbidden');
    return;
  }
  if (!existsSync(full) || !statSync(full).isFile()) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(existsSync(join(root, 'index.html')) ? 'Not found' : 'The renderer is not built yet: run `npm run build`.');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(full));
  res.setHeader('Cache-Control', 'no-cache');
  const stream = createReadStream(full);
  // A file that vanishes or cannot be read between the check and the read: an answer, not a crash.
  stream.on('error', () => {
    if (!res.headersSent) {
      res.statusCode = 404;
      res.end('Not found');
    } else res.destroy();
  });
  stream.pipe(res);
}
