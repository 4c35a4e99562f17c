package org.jpasskeys.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The module's liveness on the server's MicroProfile Health endpoint (left out where there is none). */
@Liveness
@ApplicationScoped
public class PasskeysLiveness implements HealthCheck {

    @Inject
    ModuleHealth health;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of("jpasskeys-audit", health.liveness());
    }
}
