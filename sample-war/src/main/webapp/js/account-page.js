// What every page of the signed-in area shares: the caller, the navigation and signing out.
import { accessToken, ApiError, me, passkeyApi, signOut } from './api.js';
import { createPasskey, getPasskey } from './webauthn.js';

/** The signed-in caller; a caller whose session ended is sent to the sign-in page. */
export async function accountPage() {
  let caller;
  try {
    caller = await me(accessToken());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) location.assign('../');
    throw error;
  }
  document.getElementById('admin-link').hidden = !caller.inRoleAdmin;
  document.getElementById('sign-out').addEventListener('click', signOut);
  return caller;
}

/** Signs in again with one of the account's passkeys (step-up); the session and this tab's token are renewed. */
export async function confirmWithPasskey() {
  const options = await passkeyApi('generate-authentication-from-challenge');
  const answer = await passkeyApi('verify-authentication', await getPasskey(options));
  sessionStorage.setItem('accessToken', answer.accessToken);
  return answer;
}

/** Runs a change to the account's passkeys; when the sign-in is too old for it, confirms with a passkey first. */
export async function withRecentSignIn(change) {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'reauthentication_required') throw error;
    await confirmWithPasskey();
    return change();
  }
}

/** Adds a passkey to the signed-in account, on this device or (crossDevice) on a phone by QR code. */
export function addPasskey(crossDevice) {
  return withRecentSignIn(async () => {
    const options = await passkeyApi('generate-registration', { crossDevice });
    return passkeyApi('verify-registration', await createPasskey(options));
  });
}
