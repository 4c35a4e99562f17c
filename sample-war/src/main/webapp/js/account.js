// The protected page: who is signed in, how, at which assurance level, and the access token's claims.
// After a password sign-in it offers a passkey, at most once a week if the person says "not now".
import { accessToken, me, show } from './api.js';
import { accountPage, addPasskey, confirmWithPasskey } from './account-page.js';
import { guidance } from './webauthn.js';

const PROMPT_COOLDOWN_MS = 7 * 24 * 60 * 60 * 1000;
const status = document.getElementById('status');
const caller = await accountPage();
const snoozeKey = `passkey-prompt-snoozed-until:${caller.caller}`;

document.getElementById('greeting').textContent = `Hello, ${caller.displayName}`;
document.getElementById('caller').textContent = caller.caller;
document.getElementById('auth-method').textContent = caller.authMethod === 'passkey' ? 'a passkey' : 'a password';
document.getElementById('aal').textContent = `AAL${caller.aal} (${caller.amr.join(', ')})`;
document.getElementById('auth-time').textContent = new Date(caller.authTime).toLocaleString();

const prompt = document.getElementById('upgrade-prompt');
prompt.hidden = caller.authMethod !== 'password' || Date.now() < Number(localStorage.getItem(snoozeKey) ?? 0);
document.getElementById('not-now').addEventListener('click', () => {
  localStorage.setItem(snoozeKey, String(Date.now() + PROMPT_COOLDOWN_MS));
  prompt.hidden = true;
});
document.getElementById('create-passkey').addEventListener('click', async () => {
  try {
    await addPasskey(false);
    prompt.hidden = true;
    show(status, 'Your passkey is ready. Next time, choose “Sign in with a passkey”.');
  } catch (error) {
    show(status, guidance(error), true);
  }
});

const stepUp = document.getElementById('step-up');
stepUp.hidden = caller.aal >= 2;
stepUp.addEventListener('click', async () => {
  try {
    await confirmWithPasskey();
    location.reload();
  } catch (error) {
    show(status, guidance(error), true);
  }
});

const token = accessToken();
const tokenStatus = document.getElementById('token-status');
if (token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  document.getElementById('claims').textContent = JSON.stringify(JSON.parse(atob(payload)), null, 2);
  const accepted = await me(token).then(() => true, () => false);
  tokenStatus.textContent = accepted
    ? 'The token of this sign-in (RS256, at+jwt). The server accepts it as a Bearer token.'
    : 'The token of this sign-in has expired. Sign in again for a new one.';
} else {
  tokenStatus.textContent = 'This tab holds no access token: each sign-in gives one to the tab that signed in.';
}
