package org.jpasskeys.token;

import java.util.function.Function;

/** What is made from one set of token keys (a JWKS, a key resolver), made again only when the keys change. */
final class PerKeys<T> {

    private record Made<T>(TokenKeys keys, T value) {
    }

    private final Function<TokenKeys, T> make;
    private volatile Made<T> made;

    PerKeys(Function<TokenKeys, T> make) {
        this.make = make;
    }

    T of(TokenKeys keys) {
        Made<T> last = made;
        if (last == null || last.keys() != keys) {
            last = new Made<>(keys, make.apply(keys));
            made = last;
        }
        return last.value();
    }
}
