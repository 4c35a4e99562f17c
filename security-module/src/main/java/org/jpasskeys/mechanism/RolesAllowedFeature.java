package org.jpasskeys.mechanism;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.jpasskeys.http.HttpExchange;
import org.jpasskeys.http.Problem;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the application's Jakarta REST resources,
 * enforced alike on every server: Open Liberty does it by itself, Payara (Jersey) and WildFly (RESTEasy) only
 * when the application switches on their own, differently named features. A caller without a session or
 * token gets 401 {@code unauthenticated}, one outside the roles 403 {@code forbidden}; the method's
 * annotation wins over the class's.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        rolesOf(resource.getResourceMethod())
                .or(() -> rolesOf(resource.getResourceClass()))
                .filter(roles -> !roles.permitAll())
                .ifPresent(roles -> context.register(new RoleCheck(roles.names()), Priorities.AUTHORIZATION));
    }

    private static Optional<Roles> rolesOf(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(new Roles(List.of(), false));
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Optional.of(new Roles(List.of(allowed.value()), false));
        }
        return element.isAnnotationPresent(PermitAll.class) ? Optional.of(new Roles(List.of(), true))
                : Optional.empty();
    }

    /** The roles a resource method admits; none, unless {@code permitAll}, means nobody. */
    private record Roles(List<String> names, boolean permitAll) {
    }

    private static final class RoleCheck implements ContainerRequestFilter {

        private final List<String> roles;

        RoleCheck(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext caller = request.getSecurityContext();
            if (caller.getUserPrincipal() == null) {
                request.abortWith(answer(Problem.unauthenticated("Sign in to use this resource.")));
            } else if (roles.stream().noneMatch(caller::isUserInRole)) {
                request.abortWith(answer(Problem.forbidden("Your account may not use this resource.")));
            }
        }

        private static Response answer(Problem problem) {
            Response.ResponseBuilder answer = Response.status(problem.status())
                    .type(HttpExchange.PROBLEM_JSON)
                    .header("Cache-Control", "no-store")
                    .entity(problem.toJson().toString());
            return problem.status() == 401 ? answer.header("WWW-Authenticate", "Bearer").build() : answer.build();
        }
    }
}
