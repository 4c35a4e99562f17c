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
import org.jpasskeys.mechanism.PasskeyPrincipal;

/** A page only signed-in callers may see: it shows who they are and how they signed in. */
@WebServlet("/protected")
@DeclareRoles({"user", "admin"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ProtectedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

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
                .add("acr", caller.acr())
                .add("amr", Json.createArrayBuilder(caller.amr()))
                .add("authTime", caller.authTime().toString()));
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json.build().toString());
    }
}
