package org.jpasskeys.challenge;

/** The ceremony a challenge was issued for; a challenge answers only its own ceremony. */
public enum CeremonyType {
    REGISTRATION,
    AUTHENTICATION
}
