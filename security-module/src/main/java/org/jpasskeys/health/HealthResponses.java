package org.jpasskeys.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A {@link ModuleHealth.Status} as a MicroProfile Health answer. */
final class HealthResponses {

    private HealthResponses() {
    }

    static HealthCheckResponse of(String name, ModuleHealth.Status status) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(status.up());
        status.data().forEach(response::withData);
        return response.build();
    }
}
