// Sign-in page: passkey autofill from page load, the "Sign in with a passkey" button, and the password
// fallback. The pending autofill request is aborted before anything else asks the browser.
import { ApiError, call, passkeyApi, show, signedIn } from './api.js';
import { autofillSupported, getPasskey, guidance, passkeysSupported } from './webauthn.js';

const status = document.getElementById('status');
let autofill = null;

async function finish(response) {
  signedIn(await passkeyApi('verify-authentication', response));
}

async function startAutofill() {
  if (!(await autofillSupported())) return;
  const controller = new AbortController();
  autofill = controller;
  try {
    const options = await passkeyApi('generate-authentication-discoverable');
    await finish(await getPasskey(options, { mediation: 'conditional', signal: controller.signal }));
  } catch (error) {
    // An abort is ours (the button or the form took over); anything else is for the person.
    if (!controller.signal.aborted) {
      show(status, guidance(error), true);
      if (!(error instanceof ApiError)) startAutofill();
    }
  }
}

function stopAutofill() {
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
