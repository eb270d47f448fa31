import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodeFrame, decodeWire, encodeWire, FRAME_CONTENT_TYPE } from '../../content/util/wire';
import type { Channel, WireError } from '../contract';
import { toWireError } from '../errors';
import type { Handlers } from '../handlers';
import { isHeavyChannel } from '../tasks/heavy-channels';
import { BODY_LIMITS, formatBytes, OFF_THREAD_BYTES } from './body-limits';
import { RENDERER_CSP_HEADER } from '../security';

/**
 * Browser mode: the app's handlers served over HTTP on 127.0.0.1 only, with the built renderer.
 *
 * Every API call must carry the per-run token (sent in the URL fragment to the page, never in a
 * request URL), a Host header naming this loopback port (no DNS rebinding), and no foreign
 * Origin (no CORS: we never answer preflights). Files are served only from the renderer folder.
 */
export interface HttpHostOptions {
  /** the handlers, or their promise: the host may listen before they have loaded */
  handlers: Handlers | Promise<Handlers>;
  /** the built renderer (out/renderer) */
  rendererDir: string;
  port?: number;
  token?: string;
  /** largest request body accepted on any channel, in bytes (each channel has its own limit, BODY_LIMITS) */
  maxBody?: number;
}

export interface HttpHost {
  url: string;
  /** the URL to open: the page with the token in its fragment */
  appUrl: string;
  port: number;
  token: string;
  server: Server;
  /** stash finished output for the page to download */
  offerDownload: (fileName: string, bytes: Uint8Array) => string;
  /** a plain function: callers keep it aside to wrap it */
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

/** The body limit of a channel that does not exist: the dispatcher refuses it, after a small read. */
const SMALL_BODY = 64 * 1024;

const isChannel = (name: string): name is Channel => Object.hasOwn(BODY_LIMITS, name);

/** The envelope around an encoded value: `{"ok":true,"value":` + the value's JSON + `}`. */
const ENCODED_HEAD = '{"ok":true,"value":';

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array | readonly (string | Uint8Array)[],
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...extra,
  });
  if (typeof body === 'string' || body instanceof Uint8Array) return void res.end(body);
  // a large reply in pieces, written as they are rather than joined into one copy
  for (const part of body) res.write(part);
  res.end();
}

/** Read a request's body, giving up (null) the moment it passes `max`: nothing past it is kept. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A reply that is an error a person can read, as the page's client expects it. */
function sendError(
  res: ServerResponse,
  status: number,
  error: WireError,
  extra: Record<string, string> = {},
): void {
  send(res, status, encodeWire({ ok: false, error }), 'application/json; charset=utf-8', extra);
}

function tooLargeError(channel: string, limit: number): WireError {
  return {
    code: 'too-large',
    message: `请求「${channel}」的内容超过了 ${formatBytes(limit)} 的上限，已拒绝。如果是在导入或打开文件，文件过大：请拆分后再试。`,
    messageEn: `The request "${channel}" is larger than its ${formatBytes(limit)} limit and was refused. If you were importing or opening a file, it is too large: split it and try again.`,
  };
}

const BAD_ADDRESS: WireError = {
  code: 'bad-url',
  message: '请求的地址无效（含有无法解读的 % 转义）。',
  messageEn: 'The address of the request is invalid (it has a % escape that cannot be decoded).',
};

/** The task a request names in its header (the page's client sends the body's taskId there too). */
function taskOf(req: IncomingMessage): { taskId?: string } {
  const id = req.headers['x-briefing-task'];
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? { taskId: id } : {};
}

/** `decodeURIComponent` that answers null for a malformed `%` escape instead of throwing. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBody ?? Infinity;
  const downloads = new Map<string, { fileName: string; bytes: Uint8Array; expires: number }>();
  const rendererRoot = normalize(options.rendererDir + sep);
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const selfOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendError(res, 500, toWireError(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host
    if (!req.headers.host || !allowedHosts().has(req.headers.host))
      return send(res, 421, 'misdirected request: unknown Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !selfOrigins().has(origin))
      return send(res, 403, 'forbidden: foreign Origin');
    const fetchSite = req.headers['sec-fetch-site'];
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
        return send(res, 403, 'forbidden: cross-site request');
      const given = req.headers['x-briefing-token'];
      if (typeof given !== 'string' || !safeEqual(given, token))
        return send(res, 401, 'unauthorized: missing or wrong token');
      if (url.pathname.startsWith('/api/download/') && req.method === 'GET') {
        const id = url.pathname.slice('/api/download/'.length);
        const file = downloads.get(id);
        if (!file || file.expires < Date.now()) return send(res, 404, 'no such download');
        downloads.delete(id);
        return send(res, 200, file.bytes, 'application/octet-stream', {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        });
      }
      if (req.method !== 'POST') return send(res, 405, 'method not allowed', undefined, { Allow: 'POST' });
      const contentType = String(req.headers['content-type'] ?? '');
      // JSON, or a frame for a request that carries a file; neither can be sent cross-site without a preflight
      const framed = contentType === FRAME_CONTENT_TYPE;
      if (!framed && !contentType.startsWith('application/json'))
        return send(res, 415, 'unsupported media type');
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null) return sendError(res, 400, BAD_ADDRESS);
      // each channel's own limit, while reading: a small call never buffers a large body
      const limit = Math.min(maxBody, isChannel(channel) ? BODY_LIMITS[channel] : SMALL_BODY);
      const body = await readBody(req, limit);
      if (body === null) {
        // the rest of the body is not read: answer, then close the connection it is still arriving on
        res.once('finish', () => req.destroy());
        return sendError(res, 413, tooLargeError(channel, limit), { Connection: 'close' });
      }
      const [handlers, { dispatch }] = await Promise.all([options.handlers, import('../handlers')]);
      // a large body of a channel that carries the whole document is decoded in a worker thread
      const envelope =
        isHeavyChannel(channel) && body.length > OFF_THREAD_BYTES
          ? await handlers.raw[channel](body, framed, taskOf(req))
          : await (async () => {
              let payload: unknown;
              try {
                payload = framed ? decodeFrame(body) : body.length ? decodeWire(body.toString('utf8')) : {};
              } catch {
                return null;
              }
              return dispatch(handlers, channel, payload);
            })();
      if (envelope === null)
        return sendError(res, 400, {
          code: 'bad-json',
          message: '请求格式错误。',
          messageEn: 'Malformed request.',
        });
      // a reply a worker already encoded goes out as its bytes, inside the envelope's JSON
      if ('encoded' in envelope)
        return send(res, 200, [ENCODED_HEAD, envelope.encoded, '}'], 'application/json; charset=utf-8');
      return send(res, 200, encodeWire(envelope), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const decoded = decodePath(url.pathname);
    if (decoded === null) return send(res, 400, `${BAD_ADDRESS.message} ${BAD_ADDRESS.messageEn}`);
    const rel = url.pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(rendererRoot, rel));
    if (!file.startsWith(rendererRoot)) return send(res, 403, 'forbidden');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return send(res, 404, 'not found');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return send(
      res,
      200,
      bytes,
      type,
      type.startsWith('text/html') ? { 'Content-Security-Policy': RENDERER_CSP_HEADER } : {},
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    appUrl: `${url}#token=${token}`,
    port,
    token,
    server,
    offerDownload(fileName, bytes) {
      const now = Date.now();
      for (const [id, d] of downloads) if (d.expires < now) downloads.delete(id);
      const id = randomBytes(12).toString('base64url');
      downloads.set(id, { fileName, bytes, expires: now + DOWNLOAD_TTL_MS });
      return id;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
