// Passkey sign-up and sign-in against the jpasskeys API, with the WebAuthn L3 JSON helpers.
const API = 'v1/portal/mfa/passkey';
const status = document.getElementById('status');

function show(message, isError = false) {
  status.textContent = message;
  status.className = isError ? 'error' : '';
}

async function post(endpoint, body) {
  const response = await fetch(`${API}/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body ?? {}),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.detail || 'Something went wrong. Try again.');
  }
  return json;
}

function explain(error) {
  if (error.name === 'InvalidStateError') {
    return 'This device already has a passkey for this account: use another device or scan the QR code with your phone.';
  }
  if (error.name === 'NotAllowedError') {
    return 'The passkey prompt was cancelled or timed out. Try again, or use another way to sign in.';
  }
  return error.message;
}

document.getElementById('sign-up').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const options = await post('generate-registration', {
      username: form.get('username'), displayName: form.get('displayName'),
    });
    const credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
    });
    const result = await post('verify-registration', credential.toJSON());
    show(`Welcome, ${result.user.displayName}. Your passkey is saved.`);
  } catch (error) {
    show(explain(error), true);
  }
});

document.getElementById('sign-in').addEventListener('click', async () => {
  try {
    const options = await post('generate-authentication-discoverable');
    const credential = await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
    });
    const result = await post('verify-authentication', credential.toJSON());
    show(`Signed in as ${result.user.displayName}.`);
  } catch (error) {
    show(explain(error), true);
  }
});
