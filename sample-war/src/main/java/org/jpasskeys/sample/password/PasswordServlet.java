package org.jpasskeys.sample.password;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.ceremony.SignUpRequest;
import org.jpasskeys.ceremony.Usernames;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.http.ProblemException;
import org.jpasskeys.mechanism.PasskeyAuthenticationMechanism;
import org.jpasskeys.mechanism.PasskeyPrincipal;
import org.jpasskeys.web.Answers;
import org.jpasskeys.web.SignInAnswers;

/**
 * The fallback when no passkey is at hand: {@code sign-in} with username and password, and {@code sign-up}
 * with a password instead of a passkey. Both answer like {@code verify-authentication}, at AAL1.
 */
@WebServlet({PasswordServlet.SIGN_IN, PasswordServlet.SIGN_UP})
public class PasswordServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String SIGN_IN = "/api/password/sign-in";
    static final String SIGN_UP = "/api/password/sign-up";

    @Inject
    transient PasskeyAuthenticationMechanism mechanism;

    @Inject
    transient PasswordAccounts accounts;

    @Inject
    transient SignInAnswers answers;

    @Inject
    transient PasskeysConfig config;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.answer(this, request.getServletPath(), response, () -> {
            JsonObject body = HttpExchange.readJsonObject(request, config.origins(), config.maxBodyBytes());
            String username = Usernames.normalize(text(body, "username"));
            char[] password = text(body, "password").toCharArray();
            if (SIGN_UP.equals(request.getServletPath())) {
                String displayName = body.containsKey("displayName") ? text(body, "displayName") : null;
                accounts.signUp(new SignUpRequest(username, displayName, false), password);
            }
            signIn(username, password, request, response);
        });
    }

    private void signIn(String username, char[] password, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<PasskeyPrincipal> caller = mechanism.signIn(
                new UsernamePasswordCredential(username, new Password(password)), request);
        if (caller.isPresent()) {
            answers.signedIn(request, response, caller.get(), Optional.empty(), "signed in with a password");
        } else {
            answers.passwordRefused(request, response, "password refused for username " + username);
        }
    }

    private static String text(JsonObject body, String name) {
        if (!(body.get(name) instanceof JsonString value)) {
            throw new ProblemException(Problem.invalidRequest(name + " must be a string"));
        }
        return value.getString();
    }
}
