import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, relative, isAbsolute } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export type StaticResult =
  { readonly status: 200; readonly body: Buffer; readonly contentType: string; readonly isHtml: boolean } | { readonly status: 403 | 404 }

/**
 * Resolves a URL path inside the built renderer folder, shared by web mode and Electron's app://
 * handler. A path that escapes the root (`..`, encoded or not) is 403; an unknown route without an
 * extension falls back to index.html so client-side routes survive a reload.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return { status: 403 }
  }
  if (decoded.includes('\0')) return { status: 403 }
  const wanted = normalize(join(root, decoded === '/' ? 'index.html' : decoded))
  const rel = relative(root, wanted)
  if (rel.startsWith('..') || isAbsolute(rel)) return { status: 403 }
  const file = (await isFile(wanted)) ? wanted : extname(wanted) === '' ? join(root, 'index.html') : null
  if (file === null) return { status: 404 }
  try {
    const body = await readFile(file)
    const ext = extname(file)
    return { status: 200, body, contentType: MIME[ext] ?? 'application/octet-stream', isHtml: ext === '.html' }
  } catch {
    return { status: 404 }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
