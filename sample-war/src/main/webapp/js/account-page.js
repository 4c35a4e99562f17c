// What every page of the signed-in area shares: the caller, the navigation and signing out.
import { accessToken, ApiError, me, passkeyApi, signOut } from './api.js';
import { createPasskey } from './webauthn.js';

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

/** Adds a passkey to the signed-in account, on this device or (crossDevice) on a phone by QR code. */
export async function addPasskey(crossDevice) {
  const options = await passkeyApi('generate-registration', { crossDevice });
  return passkeyApi('verify-registration', await createPasskey(options));
}
