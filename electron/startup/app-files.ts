/**
 * The `duiding://app/` protocol's answers, read straight from the renderer build (main.ts). Not through
 * `net.fetch(file://…)`: the session's webRequest guard cancels everything that is not `duiding://`,
 * and whether Electron routes such an internal fetch through webRequest has changed between versions
 * (electron/electron#45903), which would leave the window blank. Reading the file needs no request at
 * all. The path must stay inside the build (after decoding and normalising); the type comes from the
 * extension. Kept apart from `electron` so it is tested without it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from './mime';
import { responseHeaders } from './window-security';

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...responseHeaders() } });
}

/** The file under `root` that `url` names, or the status to answer instead. */
export function appFilePath(root: string, url: string): { file: string } | { status: 400 | 403 } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  const base = normalize(root);
  const rel = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^[/\\]+/, '');
  const file = normalize(join(base, rel));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return { status: 403 };
  return { file };
}

export async function serveAppFile(root: string, url: string): Promise<Response> {
  const where = appFilePath(root, url);
  if ('status' in where) return plain(where.status, where.status === 400 ? 'Bad request' : 'Forbidden');
  try {
    if (!(await stat(where.file)).isFile()) return plain(404, 'Not found');
    const body = await readFile(where.file);
    return new Response(body, { status: 200, headers: { 'Content-Type': contentTypeOf(where.file), 'Cache-Control': 'no-cache', ...responseHeaders() } });
  } catch {
    return plain(404, 'Not found');
  }
}
