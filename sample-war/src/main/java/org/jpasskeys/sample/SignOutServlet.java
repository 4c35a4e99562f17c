package org.jpasskeys.sample;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.web.Answers;

/** Ends the session. Access tokens already handed out stay valid until they expire. */
@WebServlet("/api/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PasskeysConfig config;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, "sign-out", response, () -> {
            HttpExchange.requireAllowedOrigin(request, config.origins());
            logout(request);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        });
    }

    private static void logout(HttpServletRequest request) {
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IllegalStateException("the container could not sign the caller out", e);
        }
    }
}
