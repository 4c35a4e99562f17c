package org.jpasskeys.sample;

import java.io.IOException;
import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.config.PasskeysConfig;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.mechanism.PasskeyPrincipal;

/**
 * What only signed-in callers may read: who they are and how they signed in (the account pages show it); at
 * {@code /protected/aal3} only after a sign-in with an attested hardware key ({@code web.xml}).
 */
@WebServlet({"/protected", "/protected/aal3"})
@DeclareRoles({"user", "admin"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ProtectedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient UserRepository users;

    @Inject
    transient PasskeysConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<PasskeyPrincipal> callers = securityContext.getPrincipalsByType(PasskeyPrincipal.class);
        var json = Json.createObjectBuilder()
                .add("caller", securityContext.getCallerPrincipal().getName())
                .add("inRoleUser", securityContext.isCallerInRole("user"))
                .add("inRoleAdmin", securityContext.isCallerInRole("admin"));
        callers.stream().findFirst().ifPresent(caller -> json
                .add("userId", caller.userId())
                .add("displayName", caller.displayName())
                .add("aal", caller.aal())
                .add("authMethod", caller.authMethod())
                .add("acr", caller.acr())
                .add("amr", Json.createArrayBuilder(caller.amr()))
                .add("authTime", caller.authTime().toString())
                // What the WebAuthn Signal API needs to keep the person's passkey list in step.
                .add("rpId", config.rpId())
                .add("userHandle", users.findById(caller.userId())
                        .map(account -> CredentialIds.encode(account.userHandle())).orElse("")));
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json.build().toString());
    }
}
