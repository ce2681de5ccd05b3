/** Worker thread: prepares documents (parse, citations, placement) for the main thread to commit. */
import { parentPort } from 'node:worker_threads';
import { ImportError, prepareImport, type ImportInput } from './prepare';

export interface PrepareRequest {
  id: number;
  input: ImportInput;
}

parentPort?.on('message', ({ id, input }: PrepareRequest) => {
  try {
    parentPort!.postMessage({ id, prepared: prepareImport({ ...input, bytes: Buffer.from(input.bytes) }) });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id, error: { name: err.name, message: err.message, fileName: e instanceof ImportError ? e.fileName : input.fileName, line: e instanceof ImportError ? e.line : null } });
  }
});
