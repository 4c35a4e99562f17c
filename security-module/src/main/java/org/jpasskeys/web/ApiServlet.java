package org.jpasskeys.web;

import java.io.IOException;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.metrics.PasskeyMetrics;

/** A POST JSON endpoint of the API: body checks, dispatch by path, and problem answers for every failure. */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Handles one endpoint, named by the last segment of its path; answers with a JSON response. */
    abstract void handle(String endpoint, JsonObject body, HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    @Inject
    transient PasskeysConfig config;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient RequestAudit audit;

    @Inject
    transient PasskeyMetrics metrics;

    /** The signed-in caller of this request (session or Bearer token), if any. */
    Optional<PasskeyPrincipal> caller() {
        return caller(securityContext);
    }

    static Optional<PasskeyPrincipal> caller(SecurityContext securityContext) {
        return securityContext.getPrincipalsByType(PasskeyPrincipal.class).stream().findFirst();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        long start = System.nanoTime();
        Answers.answer(this, endpoint, response, () -> handle(endpoint,
                HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes()), request, response),
                refusal -> refused(endpoint, request, refusal));
        metrics.request(endpoint, response.getStatus(), System.nanoTime() - start);
    }

    /** A refused ceremony, for the audit log; options endpoints record nothing here. */
    void refused(String endpoint, HttpServletRequest request, CeremonyException refusal) {
    }
}
