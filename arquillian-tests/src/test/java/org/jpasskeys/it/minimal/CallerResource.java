package org.jpasskeys.it.minimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** A resource protected the Jakarta way: every signed-in caller is in {@code user}; nobody here is in {@code admin}. */
@Path("caller")
@RolesAllowed("user")
public class CallerResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String caller(@Context SecurityContext security) {
        return "{\"caller\":\"" + security.getUserPrincipal().getName() + "\"}";
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public String admin() {
        return "{}";
    }
}
