import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type Envelope } from './contract';
import { AppError } from './errors';
import { dispatch, type Handlers } from './handlers';

/** Decides whether an IPC message comes from our own window showing our own page. */
export type SenderCheck = (sender: WebContents, frameUrl: string | undefined) => boolean;

/**
 * Register every contract channel on ipcMain. Each call is checked for its sender first, then
 * validated and dispatched; replies are envelopes, so errors reach the page as readable messages.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrusted: SenderCheck,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
        if (!isTrusted(event.sender, event.senderFrame?.url)) {
          return {
            ok: false,
            error: new AppError(
              'untrusted-sender',
              '拒绝来自未知窗口的请求。',
              'Request refused: unknown sender.',
            ).toWire(),
          };
        }
        return dispatch(handlers, channel, payload);
      },
    );
  }
}
