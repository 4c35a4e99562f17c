package org.jpasskeys.credential;

import java.util.Set;

/**
 * What a passkey looks like from outside, in an allow-list: how long its id is and which transports it reported.
 *
 * @param idLength   bytes of the credential id
 * @param transports its transports
 */
public record PasskeyShape(int idLength, Set<String> transports) {

    public PasskeyShape {
        transports = Set.copyOf(transports);
    }
}
