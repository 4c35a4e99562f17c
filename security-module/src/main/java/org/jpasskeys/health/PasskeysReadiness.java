package org.jpasskeys.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The module's readiness on the server's MicroProfile Health endpoint. Where the server has no MicroProfile
 * Health, this class cannot load and CDI leaves it out; nothing else refers to it.
 */
@Readiness
@ApplicationScoped
public class PasskeysReadiness implements HealthCheck {

    @Inject
    ModuleHealth health;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of("jpasskeys", health.readiness());
    }
}
