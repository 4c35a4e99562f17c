// "My passkeys": list, rename, delete (confirmed; the server keeps the last one when it is the only way in),
// and add on this or another device. The Signal API keeps the browser's passkey manager in step.
import { credentials, show } from './api.js';
import { accountPage, addPasskey, withRecentSignIn } from './account-page.js';
import { guidance, signal } from './webauthn.js';

const KEY_ICON = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
  + '<circle cx="8" cy="12" r="4" fill="none" stroke="#345" stroke-width="2"/><path d="M12 12h9v3M18 12v3" '
  + 'fill="none" stroke="#345" stroke-width="2"/></svg>');
const status = document.getElementById('status');
const list = document.getElementById('passkeys');
const caller = await accountPage();

const day = (instant) => (instant ? new Date(instant).toLocaleDateString() : 'never');

/** What the authenticator proved at registration, in words. */
const attestation = ({ attestation: a, assurance }) => (a.verified
  ? `attested${a.hardware ? ' hardware key' : ''}${assurance === 'aal3' ? ' (AAL3)' : ''}` : 'not attested');

function render(passkey) {
  const item = document.getElementById('passkey').content.firstElementChild.cloneNode(true);
  item.dataset.id = passkey.id;
  item.querySelector('.icon').src = passkey.authenticatorIcon ?? KEY_ICON;
  item.querySelector('.name').textContent = passkey.name;
  item.querySelector('.authenticator').textContent = [passkey.authenticatorName, passkey.device]
    .filter(Boolean).join(' · ') || 'Unknown authenticator';
  item.querySelector('.dates').textContent = `Added ${day(passkey.createdAt)} · last used ${day(passkey.lastUsedAt)}`;
  item.querySelector('.badges').textContent = [passkey.backedUp ? 'Synced' : passkey.backupEligible
    ? 'Can sync, not backed up yet' : 'On this authenticator only', attestation(passkey)].join(' · ');

  const rename = item.querySelector('.rename');
  const confirm = item.querySelector('.confirm-delete');
  item.querySelector('.start-rename').addEventListener('click', () => {
    rename.hidden = false;
    rename.name.value = passkey.name;
    rename.name.focus();
  });
  rename.querySelector('.cancel').addEventListener('click', () => { rename.hidden = true; });
  rename.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const renamed = await credentials.rename(passkey.id, rename.name.value);
      signal.userDetails(caller.rpId, caller.userHandle, caller.caller, caller.displayName);
      return `Renamed to “${renamed.name}”.`;
    });
  });
  item.querySelector('.start-delete').addEventListener('click', () => { confirm.hidden = false; });
  confirm.querySelector('.keep').addEventListener('click', () => { confirm.hidden = true; });
  confirm.querySelector('.really-delete').addEventListener('click', () => act(async () => {
    await withRecentSignIn(() => credentials.remove(passkey.id));
    const remaining = [...list.children].map((li) => li.dataset.id).filter((id) => id !== passkey.id);
    signal.acceptedCredentials(caller.rpId, caller.userHandle, remaining);
    return `Deleted “${passkey.name}”. You can also remove it from your device or password manager.`;
  }));
  return item;
}

async function refresh() {
  const passkeys = await credentials.list();
  list.replaceChildren(...passkeys.map(render));
  document.getElementById('empty').hidden = passkeys.length > 0;
}

/** Runs a change, shows its outcome (or what to do about a failure) and shows the list as it is now. */
async function act(change) {
  try {
    show(status, await change());
  } catch (error) {
    show(status, guidance(error), true);
  }
  await refresh().catch((error) => show(status, guidance(error), true));
}

document.getElementById('add-this-device').addEventListener('click', () => act(async () => {
  await addPasskey(false);
  return 'Passkey added on this device.';
}));
document.getElementById('add-other-device').addEventListener('click', () => act(async () => {
  await addPasskey(true);
  return 'Passkey added on your other device. You can now sign in there, or here with the QR code.';
}));

await refresh();
