package org.jpasskeys.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.ceremony.CeremonyException;
import org.jpasskeys.ceremony.CeremonyFailure;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;
import org.jpasskeys.mechanism.PasskeyPrincipal;

/**
 * Lets through only callers who signed in at the assurance level of its {@code aal} init parameter (2 or 3), for
 * the URL patterns an application maps it to in {@code web.xml}. Others get 401 {@code reauthentication_required}
 * with {@code WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="aal3"} (RFC 9470), and
 * sign in again with an authenticator that reaches it.
 */
public class RequireAssuranceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    private int required;

    @Override
    public void init() throws ServletException {
        String aal = Optional.ofNullable(getInitParameter("aal")).map(String::strip).orElse("");
        if (!aal.equals("2") && !aal.equals("3")) {
            throw new ServletException("filter " + getFilterName() + " (" + getClass().getName()
                    + ") needs the init parameter aal, 2 or 3, not '" + aal + "'");
        }
        required = Integer.parseInt(aal);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<PasskeyPrincipal> caller = ApiServlet.caller(securityContext);
        if (caller.isPresent() && caller.get().aal() >= required) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", caller.isEmpty() ? "Bearer" : "Bearer error=\"insufficient_user_"
                + "authentication\", acr_values=\"aal" + required + "\"");
        HttpExchange.writeProblem(response, caller.isEmpty()
                ? Problem.unauthenticated("Sign in with a passkey, or send a Bearer access token.")
                : Problem.of(new CeremonyException(CeremonyFailure.REAUTHENTICATION_REQUIRED, required == 3
                        ? "This needs a sign-in with a hardware security key your organisation approved (AAL3). "
                        + "Sign in again with one."
                        : "This needs a sign-in with a passkey (AAL2). Sign in again with your passkey.")));
    }
}
