// The audit log for administrators, newest first, filtered by user, event and time, a page at a time.
import { audit, show } from './api.js';
import { accountPage } from './account-page.js';
import { guidance } from './webauthn.js';

const PAGE_SIZE = 50;
const form = document.getElementById('filters');
const status = document.getElementById('status');
let page = 0;

await accountPage();

function query() {
  const q = { page, size: PAGE_SIZE };
  for (const name of ['user', 'type']) if (form[name].value) q[name] = form[name].value;
  for (const name of ['from', 'to']) if (form[name].value) q[name] = new Date(form[name].value).toISOString();
  return q;
}

function row(event) {
  const tr = document.createElement('tr');
  for (const value of [new Date(event.occurredAt).toLocaleString(), event.type, event.userId, event.credentialId,
    event.clientAddress, event.detail]) {
    const td = document.createElement('td');
    td.textContent = value ?? '';
    tr.append(td);
  }
  return tr;
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
