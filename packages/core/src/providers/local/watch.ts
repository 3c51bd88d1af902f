/**
 * Push notification for the local inbox: an fs.watch on the identity's inbox directory
 * (inotify, FSEvents) fires as soon as a delivery renames its file into place.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { InboxStore } from '../../inbox/store';

/**
 * A slow poll behind the watch, for file systems where watching silently misses events
 * (network mounts, some containers).
 * @default 2000
 */
const FALLBACK_POLL_MS = 2000;

export function watchInbox(inbox: InboxStore, uuid: string, onChange: () => void): () => void {
  let watcher: FSWatcher | null = null;
  let stopped = false;
  const poll = setInterval(onChange, FALLBACK_POLL_MS);
  // NOTE: the directory must exist before it can be watched; a delivery that lands while it
  // is being created is still seen, because callers list the inbox after subscribing.
  inbox
    .ensure(uuid)
    .then((dir) => {
      if (stopped) return;
      watcher = watch(dir, { persistent: true }, () => onChange());
      watcher.on('error', () => undefined); // the fallback poll keeps going
      onChange();
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    clearInterval(poll);
    watcher?.close();
  };
}
