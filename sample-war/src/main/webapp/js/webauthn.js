// The browser side of the ceremonies. Uses the WebAuthn Level 3 JSON helpers where the browser has them
// (parseCreationOptionsFromJSON, parseRequestOptionsFromJSON, toJSON) and converts by hand where not.
import { ApiError } from './api.js';

const decode = (text) => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0)).buffer;
};
const encode = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const descriptors = (list) => (list ?? []).map((d) => ({ ...d, id: decode(d.id) }));

function creationOptions(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return { ...json, challenge: decode(json.challenge), user: { ...json.user, id: decode(json.user.id) },
    excludeCredentials: descriptors(json.excludeCredentials) };
}

function requestOptions(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return { ...json, challenge: decode(json.challenge), allowCredentials: descriptors(json.allowCredentials) };
}

function toJSON(credential) {
  if (typeof credential.toJSON === 'function') return credential.toJSON();
  const r = credential.response;
  const response = r.attestationObject
    ? { clientDataJSON: encode(r.clientDataJSON), attestationObject: encode(r.attestationObject),
        transports: r.getTransports?.() ?? [] }
    : { clientDataJSON: encode(r.clientDataJSON), authenticatorData: encode(r.authenticatorData),
        signature: encode(r.signature), userHandle: r.userHandle ? encode(r.userHandle) : null };
  return { id: credential.id, rawId: encode(credential.rawId), type: credential.type, response,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults: credential.getClientExtensionResults() };
}

export const passkeysSupported = () => typeof window.PublicKeyCredential === 'function';

export async function autofillSupported() {
  return passkeysSupported() && (await PublicKeyCredential.isConditionalMediationAvailable?.()) === true;
}

/** Creates a passkey for creation options from the server; answers what verify-registration takes. */
export async function createPasskey(options) {
  return toJSON(await navigator.credentials.create({ publicKey: creationOptions(options) }));
}

/** Signs request options from the server; {mediation: 'conditional', signal} for autofill. */
export async function getPasskey(options, { mediation, signal } = {}) {
  return toJSON(await navigator.credentials.get({ publicKey: requestOptions(options), mediation, signal }));
}

/** What a person should do after a failure; never a raw exception name. */
export function guidance(error) {
  if (error instanceof ApiError) return error.message;
  switch (error?.name) {
    case 'InvalidStateError':
      return 'This device already has a passkey for this account: use another device or scan the QR code with your phone.';
    case 'NotAllowedError':
      return 'The passkey request was cancelled or timed out. Try again, or use another way to sign in.';
    case 'AbortError':
      return 'The passkey request was stopped. Try again.';
    case 'SecurityError':
      return "This page's address does not match the site's passkey settings. Open the site at its usual address.";
    case 'NotSupportedError':
      return 'This browser or device cannot create a suitable passkey. Try another device, or scan the QR code with your phone.';
    case 'TypeError':
      return 'The server could not be reached. Check your connection and try again.';
    default:
      return 'Something went wrong with the passkey. Try again, or use another way to sign in.';
  }
}

/** Tells the browser's passkey manager what the server knows, where the browser has the Signal API. */
export const signal = {
  acceptedCredentials: (rpId, userId, allAcceptedCredentialIds) =>
    PublicKeyCredential.signalAllAcceptedCredentials?.({ rpId, userId, allAcceptedCredentialIds })?.catch(() => {}),
  userDetails: (rpId, userId, name, displayName) =>
    PublicKeyCredential.signalCurrentUserDetails?.({ rpId, userId, name, displayName })?.catch(() => {}),
};
