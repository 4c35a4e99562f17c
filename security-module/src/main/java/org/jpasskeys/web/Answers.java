package org.jpasskeys.web;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;

/**
 * Runs an endpoint and turns every failure into a problem answer; no stack trace ever reaches the caller.
 * An application's own endpoints beside the module's (e.g. a password form) answer through it too.
 */
public final class Answers {

    /** What an endpoint does; it writes its own answer when it succeeds. */
    public interface Endpoint {
        void run() throws IOException;
    }

    private Answers() {
    }

    /** Runs {@code endpoint}; a refused ceremony is handed to {@code refused} (for the audit log) first. */
    public static void answer(GenericServlet servlet, String name, HttpServletResponse response, Endpoint endpoint,
                       Consumer<CeremonyException> refused) throws IOException {
        try {
            endpoint.run();
        } catch (ProblemException e) {
            HttpExchange.writeProblem(response, e.problem());
        } catch (CeremonyException e) {
            servlet.log("jpasskeys: " + name + " refused: " + e.auditReason());
            refused.accept(e);
            HttpExchange.writeProblem(response, Problem.of(e));
        } catch (RuntimeException e) {
            // Whatever failed (e.g. the database), the caller learns nothing of the internals.
            servlet.log("jpasskeys: " + name + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                HttpExchange.writeProblem(response, Problem.internalError());
            }
        }
    }

    /** Runs {@code endpoint}, whose refusals need no audit of their own. */
    public static void answer(GenericServlet servlet, String name, HttpServletResponse response, Endpoint endpoint)
            throws IOException {
        answer(servlet, name, response, endpoint, refusal -> { });
    }
}
