/**
 * Imported first by the read lane's worker: lowers this thread's priority before the rest loads (under ts-node,
 * loading compiles every module, seconds of CPU). On Linux a nice value is a thread's own; the main thread, which
 * reads every request and runs every lighter client's, should not wait for this one's work.
 */
import fs from 'node:fs';
import os from 'node:os';

try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid)) os.setPriority(tid, 10);
} catch {
  // Not Linux, or not permitted: same priority, still off the main thread.
}
