// The sample's HTTP calls: the jpasskeys API and the sample's own endpoints. Every failure becomes an
// ApiError whose message is the server's problem detail, written for a person.
export const ROOT = new URL('../', import.meta.url);
const PASSKEYS = 'v1/portal/mfa/passkey/';

/** "1 second", "5 seconds". */
export const seconds = (count) => `${count} ${count === 1 ? 'second' : 'seconds'}`;

// The wait from Retry-After (whole seconds), in the sample's own words.
function detailOf(problem, retryAfter) {
  if (problem.code === 'rate_limited' && /^\d+$/.test(retryAfter ?? '')) {
    return `Too many attempts in a short time. Wait ${seconds(Number(retryAfter))}, then try again.`;
  }
  return problem.detail || 'Something went wrong. Try again in a moment.';
}

export class ApiError extends Error {
  constructor(problem, status, retryAfter) {
    super(detailOf(problem, retryAfter));
    this.name = 'ApiError';
    this.code = problem.code;
    this.status = status;
  }
}

export async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, ROOT), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(json, response.status, response.headers.get('Retry-After'));
  return json;
}

export const passkeyApi = (endpoint, body = {}) => call('POST', PASSKEYS + endpoint, body);

export const credentials = {
  list: () => call('GET', `${PASSKEYS}credentials`),
  rename: (id, name) => call('PATCH', `${PASSKEYS}credentials/${encodeURIComponent(id)}`, { name }),
  remove: (id) => call('DELETE', `${PASSKEYS}credentials/${encodeURIComponent(id)}`),
};

export const audit = (query) => call('GET', `${PASSKEYS}audit?${new URLSearchParams(query)}`);

const account = (userId) => `${PASSKEYS}admin/users/${encodeURIComponent(userId)}`;

/** The administrators' API: find accounts, revoke their passkeys, disable, enable or sign them out everywhere. */
export const admin = {
  users: (username) => call('GET', `${PASSKEYS}admin/users?${new URLSearchParams({ username })}`),
  credentials: (userId) => call('GET', `${account(userId)}/credentials`),
  revoke: (userId, id) => call('DELETE', `${account(userId)}/credentials/${encodeURIComponent(id)}`),
  revokeAll: (userId) => call('DELETE', `${account(userId)}/credentials`),
  /** action: "disable", "enable" or "sign-out"; the reason (optional) goes into the audit log. */
  act: (userId, action, reason) => call('POST', `${account(userId)}/${action}`, { reason }),
  /** The authenticator models that hold passkeys, with how many are synced, attested and hardware-bound. */
  authenticators: () => call('GET', `${PASSKEYS}admin/authenticators`),
};

/** The signed-in caller (401 ApiError when nobody is), with the token of this tab if it has one. */
export const me = (token) => call('GET', 'protected', undefined, token);

/** Keeps what a sign-in answered for this tab and goes to the account page. */
export function signedIn(answer, page = 'account/') {
  sessionStorage.setItem('accessToken', answer.accessToken);
  location.assign(new URL(page, ROOT));
}

export const accessToken = () => sessionStorage.getItem('accessToken');

export async function signOut() {
  await call('POST', 'api/sign-out', {});
  sessionStorage.clear();
  location.assign(ROOT);
}

/** Writes a message where a screen reader announces it. */
export function show(element, message, isError = false) {
  element.textContent = message ?? '';
  element.classList.toggle('error', isError);
}
