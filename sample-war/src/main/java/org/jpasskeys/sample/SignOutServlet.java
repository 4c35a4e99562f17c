package org.jpasskeys.sample;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.mechanism.PasskeyAuthenticationMechanism;
import org.jpasskeys.web.Answers;

/** Signs the caller out: the session ends, and so do the access tokens issued at its sign-in. */
@WebServlet("/api/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeysConfig config;

    @Inject
    transient PasskeyAuthenticationMechanism mechanism;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, "sign-out", response, () -> {
            HttpExchange.requireAllowedOrigin(request, config.origins());
            signOut(request);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        });
    }

    private void signOut(HttpServletRequest request) {
        try {
            mechanism.signOut(request);
        } catch (ServletException e) {
            throw new IllegalStateException("the container could not sign the caller out", e);
        }
    }
}
