import type {
  BridgeApi,
  Channel,
  Envelope,
  MenuCommand,
  Req,
  Res,
  ShowSync,
  WireError,
} from '../../main/contract';
import {
  decodeWire,
  decodeWireBytes,
  encodeFrame,
  encodeWire,
  FRAME_CONTENT_TYPE,
} from '../../content/util/wire';

declare global {
  interface Window {
    /** set by the Electron preload; absent in browser mode */
    briefing?: BridgeApi;
  }
}

/** An error from main, with the Chinese message to show and the English one for the other UI language. */
export class BridgeError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.messageZh = error.message;
    this.messageEn = error.messageEn;
  }
}

export interface Client {
  host: 'electron' | 'browser';
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** the show as the other window moved it (desktop app with a presenter window; none in a browser) */
  onShowState(listener: (state: ShowSync) => void): () => void;
  /** browser mode: fetch a prepared download's bytes */
  download(downloadId: string): Promise<Blob>;
}

const TOKEN_KEY = 'briefing-token';

/** The per-run token from the URL fragment (#token=…), kept for reloads of the same tab. */
function browserToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    // keep the token out of the address bar and history
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The value of a reply, decoding one a worker thread sent already encoded. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new BridgeError(envelope.error);
  return 'encoded' in envelope ? (decodeWireBytes(envelope.encoded) as T) : envelope.value;
}

/** Whether a request carries bytes (a file): those go as a frame, not as base64 in JSON. */
function hasBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).some(hasBytes);
}

const taskIdOf = (req: unknown): string | undefined => {
  const id = (req as { taskId?: unknown } | null)?.taskId;
  return typeof id === 'string' ? id : undefined;
};

function electronClient(api: BridgeApi): Client {
  return {
    host: 'electron',
    async call(channel, req) {
      const method = api[channel] as (r: typeof req) => Promise<Envelope<Res<typeof channel>>>;
      return unwrap(await method(req));
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onShowState: (listener) => api.onShowState(listener),
    download: () => Promise.reject(new Error('no downloads in the desktop app')),
  };
}

function httpClient(): Client {
  const token = browserToken();
  const offline = (): BridgeError =>
    new BridgeError({
      code: 'host-unreachable',
      message: '与简报工坊后台的连接已断开。请重新运行 npm start 后刷新页面，已编辑的内容会从恢复文件找回。',
      messageEn:
        'Lost the connection to the Briefing Studio host. Run npm start again and reload; your work will be offered for recovery.',
    });
  return {
    host: 'browser',
    async call(channel, req) {
      let res: Response;
      try {
        // a file's bytes go as they are (a Blob of the parts, nothing copied or encoded)
        const framed = hasBytes(req);
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': framed ? FRAME_CONTENT_TYPE : 'application/json',
            'X-Briefing-Token': token,
            // a long task's id, for the host to follow it without reading a large body in main
            ...(taskIdOf(req) ? { 'X-Briefing-Task': taskIdOf(req)! } : {}),
          },
          body: framed ? new Blob(encodeFrame(req) as BlobPart[]) : encodeWire(req),
        });
      } catch {
        throw offline();
      }
      if (res.status === 401) {
        throw new BridgeError({
          code: 'unauthorized',
          message: '访问口令无效。请使用 npm start 输出的完整地址打开页面。',
          messageEn: 'Invalid access token. Open the full address printed by npm start.',
        });
      }
      const text = await res.text();
      let envelope: Envelope<Res<typeof channel>>;
      try {
        envelope = decodeWire(text) as Envelope<Res<typeof channel>>;
      } catch {
        throw new BridgeError({
          code: 'bad-reply',
          message: `后台返回了无法识别的内容（${res.status}）。请重试。`,
          messageEn: `Unexpected reply from the host (${res.status}).`,
        });
      }
      return unwrap(envelope);
    },
    onMenuCommand: () => () => undefined,
    onShowState: () => () => undefined,
    async download(downloadId) {
      const res = await fetch(`/api/download/${encodeURIComponent(downloadId)}`, {
        headers: { 'X-Briefing-Token': token },
      });
      if (!res.ok)
        throw new BridgeError({
          code: 'download-failed',
          message: '下载失败，请重新导出。',
          messageEn: 'Download failed; export again.',
        });
      return res.blob();
    },
  };
}

let client: Client | undefined;

/** The client for whichever host the page runs in. */
export function getClient(): Client {
  client ??= window.briefing ? electronClient(window.briefing) : httpClient();
  return client;
}

/** Use another client (unit tests run the store's actions against the real handlers in Node). */
export function setClient(next: Client | undefined): void {
  client = next;
}

/** Save a blob as a file through the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
