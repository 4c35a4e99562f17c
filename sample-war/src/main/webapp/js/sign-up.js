// Sign-up page: passkey first; a password is the alternative.
import { call, passkeyApi, show, signedIn } from './api.js';
import { createPasskey, guidance } from './webauthn.js';

const form = document.getElementById('sign-up');
const status = document.getElementById('status');
const fields = () => ({ username: form.username.value, displayName: form.displayName.value || form.username.value });

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  show(status, 'Follow your browser’s prompt…');
  try {
    const options = await passkeyApi('generate-registration', fields());
    signedIn(await passkeyApi('verify-registration', await createPasskey(options)));
  } catch (error) {
    show(status, guidance(error), true);
  }
});

document.getElementById('password-sign-up').addEventListener('click', async () => {
  if (!form.reportValidity()) return;
  try {
    signedIn(await call('POST', 'api/password/sign-up', { ...fields(), password: form.password.value }),
      'account/?after=password');
  } catch (error) {
    show(status, guidance(error), true);
  }
});
