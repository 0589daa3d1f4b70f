// Live updates pushed by the services (server-sent events through the console's /api/live/{stream}) instead of
// asking again and again. A stream ends when its operator's token is about to; the browser then asks again, and the
// console refreshes the token on the way, or the session is over and the page says so.
import { request, signInNeeded } from './api.js';

const RETRY_MS = 5000;
const following = new Map();

/**
 * Calls {@code onChange} with each change of the stream, until {@link stopFollowing}; and with nothing each time the
 * stream opens again (what changed while it was closed is not sent: read it all again).
 */
export function follow(stream, onChange, onSessionEnded) {
  stopFollowing(stream);
  const source = new EventSource(`/api/live/${stream}`);
  source.onopen = () => onChange(null);
  source.onmessage = event => onChange(JSON.parse(event.data));
  source.onerror = async () => {
    if (source.readyState !== EventSource.CLOSED || following.get(stream) !== source) return; // it asks again itself
    const me = await request('/api/me');
    if (signInNeeded(me)) onSessionEnded();
    else setTimeout(() => { if (following.get(stream) === source) follow(stream, onChange, onSessionEnded); },
      RETRY_MS);
  };
  following.set(stream, source);
}

export function stopFollowing(stream) {
  following.get(stream)?.close();
  following.delete(stream);
}

export function stopFollowingAll() {
  for (const stream of [...following.keys()]) stopFollowing(stream);
}

/** {@code action} at most once every {@code ms}, the last call never lost. */
export function throttled(action, ms) {
  let waiting = null;
  return () => {
    if (waiting === null) waiting = setTimeout(() => { waiting = null; action(); }, ms);
  };
}
