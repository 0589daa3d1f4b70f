// Every call of the page goes to the console's /api/{service}/..., which passes it on to the service with the
// signed-in person's access token. The page never sees a token nor a password.

/** Called when a call finds the session gone (set by the page: it then offers to sign in again). */
let onSessionEnded = () => undefined;

export function whenSessionEnds(handler) {
  onSessionEnded = handler;
}

/**
 * A call to the console, one at a time: when a token is near its end, two calls at once would both have the console
 * refresh it, and the identity provider takes each refresh token once only (the second call would end the session).
 */
let calls = Promise.resolve();
export function request(url, options = {}) {
  const call = calls.then(() => send(url, options));
  calls = call.catch(() => undefined);
  return call;
}

/** The page's header tells the console the call comes from its page: no redirect, a 499 without a session. */
async function send(url, options) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method: options.method || 'GET', headers, credentials: 'same-origin',
      redirect: 'manual', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch (e) {
    return { status: 0, body: { detail: 'The console did not answer: ' + e.message }, headers: new Headers() };
  }
  if (response.type === 'opaqueredirect') { // sent to sign in: as good as a 499
    onSessionEnded();
    return { status: 499, body: null, headers: new Headers() };
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  const answer = { status: response.status, body, headers: response.headers };
  if (signInNeeded(answer)) onSessionEnded();
  return answer;
}

export function api(service, path, options = {}) {
  return request(`/api/${service}/${path}`, options);
}

/** The query string of these parameters, the empty ones left out. */
export function query(parameters) {
  const given = Object.entries(parameters).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return given.length ? '?' + new URLSearchParams(given).toString() : '';
}

/** The value of {@code parameter} in a paged answer's next page (its Link header, rel="next"), or null. */
export function nextPage(answer, parameter) {
  const link = answer.headers.get('Link');
  const next = link && /<([^>]*)>\s*;\s*rel="next"/.exec(link);
  return next ? new URL(next[1], location.origin).searchParams.get(parameter) : null;
}

/** No one signed in, or the session ended (499 from the console, 401 from a service that refused its token). */
export function signInNeeded(answer) {
  return answer.status === 499 || answer.status === 401;
}

/** What went wrong, from a problem+json answer, for the operator. */
export function why(answer) {
  if (signInNeeded(answer)) return 'Sign in again (top right): what you typed here is kept.';
  if (answer.status === 403) return (answer.body && answer.body.detail) || 'You do not have the role this needs.';
  const detail = answer.body && (answer.body.detail || answer.body.title);
  const fields = answer.body && answer.body.errors
    ? ' ' + answer.body.errors.map(e => `${e.field}: ${e.message}`).join('; ') : '';
  return `${detail || 'HTTP ' + answer.status}${fields}`;
}
