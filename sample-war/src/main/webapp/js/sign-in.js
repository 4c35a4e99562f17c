// Sign-in page: passkey autofill from page load, the "Sign in with a passkey" button, and the password
// fallback. The pending autofill request is aborted before anything else asks the browser, and after a
// failure it starts again only when the person acts, or a few times at growing intervals.
import { ApiError, call, passkeyApi, show, signedIn } from './api.js';
import { autofillSupported, getPasskey, guidance, passkeysSupported } from './webauthn.js';

const status = document.getElementById('status');
// Automatic restarts of autofill after a failure: a few, ever further apart, so that a failure that repeats
// costs the server a handful of requests, not a stream.
const AUTOFILL_RETRIES = 3;
const AUTOFILL_FIRST_RETRY_MS = 2000;
// A refusal this soon after asking came from the browser, not from the person: asking again gets it again.
const IMMEDIATE_REFUSAL_MS = 1000;
let autofill = null;
let autofillRetries = 0;
let autofillRetry = null;

async function finish(response) {
  signedIn(await passkeyApi('verify-authentication', response));
}

async function startAutofill() {
  clearTimeout(autofillRetry);
  if (!(await autofillSupported())) return;
  const controller = new AbortController();
  autofill = controller;
  let asked;
  try {
    const options = await passkeyApi('generate-authentication-discoverable');
    asked = performance.now();
    await finish(await getPasskey(options, { mediation: 'conditional', signal: controller.signal }));
  } catch (error) {
    // An abort is ours (the button or the form took over).
    if (controller.signal.aborted) return;
    // The browser offers no autofill here; the button and the password still work.
    if (!(error instanceof ApiError) && asked !== undefined && performance.now() - asked < IMMEDIATE_REFUSAL_MS) {
      return;
    }
    show(status, guidance(error), true);
    // The server's answer (a refused passkey, a rate limit) would be the same at once: the person acts next.
    if (!(error instanceof ApiError) && autofillRetries < AUTOFILL_RETRIES) {
      autofillRetry = setTimeout(startAutofill, AUTOFILL_FIRST_RETRY_MS * 2 ** autofillRetries);
      autofillRetries += 1;
    }
  }
}

function stopAutofill() {
  clearTimeout(autofillRetry);
  autofill?.abort();
  autofill = null;
}

document.getElementById('passkey-sign-in').addEventListener('click', async () => {
  stopAutofill();
  show(status, 'Follow your browser’s prompt…');
  try {
    await finish(await getPasskey(await passkeyApi('generate-authentication-discoverable')));
  } catch (error) {
    show(status, guidance(error), true);
    startAutofill();
  }
});

document.getElementById('password-sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  stopAutofill();
  const form = new FormData(event.target);
  try {
    signedIn(await call('POST', 'api/password/sign-in', {
      username: form.get('username'), password: form.get('password'),
    }), 'account/?after=password');
  } catch (error) {
    show(status, guidance(error), true);
    startAutofill();
  }
});

if (passkeysSupported()) {
  startAutofill();
} else {
  document.getElementById('passkey-sign-in').disabled = true;
  show(status, 'This browser cannot use passkeys. Sign in with your password.');
}
