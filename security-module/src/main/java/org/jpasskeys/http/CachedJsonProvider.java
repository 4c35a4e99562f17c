package org.jpasskeys.http;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each {@code jakarta.json.Json.createXxx} call looks the provider up
 * again through {@code ServiceLoader}, which scans the application's jars: a fifth of a sign-in's server time
 * in a profile of the sample on Payara.
 */
public final class CachedJsonProvider {

    public static final JsonProvider JSON = JsonProvider.provider();

    private CachedJsonProvider() {
    }
}
