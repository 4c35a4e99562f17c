// The administrators' page: accounts found by username, with their passkeys to revoke, to disable, enable or sign
// out everywhere; and the audit log, newest first, filtered by user, event and time, a page at a time.
import { admin, ApiError, audit, show } from './api.js';
import { accountPage } from './account-page.js';
import { guidance } from './webauthn.js';

const PAGE_SIZE = 50;
const form = document.getElementById('filters');
const status = document.getElementById('status');
let page = 0;

await accountPage();

function tableRow(values) {
  const tr = document.createElement('tr');
  for (const value of values) {
    const td = document.createElement('td');
    td.textContent = value ?? '';
    tr.append(td);
  }
  return tr;
}

function query() {
  const q = { page, size: PAGE_SIZE };
  for (const name of ['user', 'type']) if (form[name].value) q[name] = form[name].value;
  for (const name of ['from', 'to']) if (form[name].value) q[name] = new Date(form[name].value).toISOString();
  return q;
}

function row(event) {
  return tableRow([new Date(event.occurredAt).toLocaleString(), event.type, event.userId, event.credentialId,
    event.clientAddress, event.detail]);
}

async function load() {
  try {
    const answer = await audit(query());
    document.getElementById('events').replaceChildren(...answer.events.map(row));
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = answer.events.length < PAGE_SIZE;
    show(status, answer.events.length ? `Page ${page + 1}` : 'No events match.');
  } catch (error) {
    show(status, guidance(error), true);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  load();
});
document.getElementById('previous').addEventListener('click', () => { page -= 1; load(); });
document.getElementById('next').addEventListener('click', () => { page += 1; load(); });
load();

async function loadAuthenticators() {
  try {
    const models = await admin.authenticators();
    document.getElementById('authenticator-list').replaceChildren(...models.map((model) => tableRow([
      model.authenticatorName ?? (/^0{8}-/.test(model.aaguid) ? 'Not disclosed' : 'Unknown model'), model.aaguid,
      model.passkeys, model.synced, model.attested, model.hardware])));
    document.getElementById('no-authenticators').hidden = models.length > 0;
  } catch (error) {
    show(document.getElementById('authenticator-status'), guidance(error), true);
  }
}
loadAuthenticators();

const ENDS = 'This ends their sessions and tokens.';
const ENDED = 'their sessions and tokens have ended.';
const search = document.getElementById('account-search');
const accountStatus = document.getElementById('account-status');
const panel = document.getElementById('account-passkeys');
const revokeAll = document.getElementById('revoke-all');
let chosen = null; // the account whose passkeys the panel shows

const when = (instant) => (instant ? new Date(instant).toLocaleString() : 'never');

function button(label, action, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.action = action;
  element.addEventListener('click', onClick);
  return element;
}

function buttons(...elements) {
  const td = document.createElement('td');
  td.className = 'buttons';
  td.append(...elements);
  return td;
}

/** Shows a problem; an administrator who ended their own sessions is sent to sign in again. */
function failed(error) {
  if (error instanceof ApiError && error.status === 401) location.assign('../');
  else show(accountStatus, guidance(error), true);
}

/** Runs an action, shows its outcome (or the problem), then the accounts and passkeys as they are now. */
async function act(change) {
  try {
    show(accountStatus, await change());
  } catch (error) {
    failed(error);
  }
  await refresh().catch(failed);
}

const ask = (question, change) => { if (confirm(question)) act(change); };

function disable({ id, username }) {
  if (!confirm(`Disable ${username}? They can no longer sign in. ${ENDS}`)) return;
  const reason = prompt(`Why is ${username} disabled? (optional, at most 200 characters)`, '');
  if (reason === null) return;
  act(async () => {
    await admin.act(id, 'disable', reason);
    return `${username} is disabled: ${ENDED}`;
  });
}

function accountRow(account) {
  const { id, username } = account;
  const tr = tableRow([username, account.displayName, account.credentialCount, when(account.lastSignInAt),
    account.disabled ? 'Disabled' : 'Active']);
  tr.dataset.username = username;
  tr.append(buttons(
    button('Passkeys', 'passkeys', () => showPasskeys(account).then(() => panel.scrollIntoView()).catch(failed)),
    account.disabled
      ? button('Enable', 'enable', () => act(async () => {
        await admin.act(id, 'enable');
        return `${username} is enabled again.`;
      }))
      : button('Disable', 'disable', () => disable(account)),
    button('Sign out everywhere', 'sign-out', () => ask(`Sign ${username} out everywhere? ${ENDS}`, async () => {
      await admin.act(id, 'sign-out');
      return `${username} is signed out everywhere: ${ENDED}`;
    })),
  ));
  return tr;
}

function passkeyRow({ id, username }, passkey) {
  const tr = tableRow([passkey.name, passkey.authenticatorName ?? 'Unknown authenticator', when(passkey.createdAt),
    when(passkey.lastUsedAt),
    passkey.backedUp ? 'Synced' : passkey.backupEligible ? 'Can sync, not backed up yet' : 'Device-bound',
    passkey.attestation.verified ? `Attested${passkey.attestation.hardware ? ', hardware key' : ''}` : 'Not attested']);
  tr.append(buttons(button('Revoke', 'revoke', () => ask(`Revoke “${passkey.name}” of ${username}? ${ENDS}`,
    async () => {
      await admin.revoke(id, passkey.id);
      return `Revoked “${passkey.name}” of ${username}: ${ENDED}`;
    }))));
  return tr;
}

async function showPasskeys(account) {
  const passkeys = await admin.credentials(account.id);
  chosen = account;
  document.getElementById('passkeys-owner').textContent = account.username;
  document.getElementById('passkey-list').replaceChildren(...passkeys.map((passkey) => passkeyRow(account, passkey)));
  document.getElementById('no-passkeys').hidden = passkeys.length > 0;
  revokeAll.hidden = passkeys.length === 0;
  panel.hidden = false;
}

async function refresh() {
  const accounts = await admin.users(search.username.value);
  document.getElementById('accounts').replaceChildren(...accounts.map(accountRow));
  document.getElementById('no-accounts').hidden = accounts.length > 0;
  if (chosen) await showPasskeys(chosen);
}

search.addEventListener('submit', (event) => {
  event.preventDefault();
  show(accountStatus, '');
  refresh().catch(failed);
});
revokeAll.addEventListener('click', () => {
  const { id, username } = chosen;
  ask(`Revoke all passkeys of ${username}? ${ENDS}`, async () => {
    await admin.revokeAll(id);
    return `Revoked all passkeys of ${username}: ${ENDED}`;
  });
});
refresh().catch(failed);
