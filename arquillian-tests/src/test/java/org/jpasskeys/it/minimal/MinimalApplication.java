package org.jpasskeys.it.minimal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Jakarta REST resources of the minimal application, below {@code /api}. */
@ApplicationPath("api")
public class MinimalApplication extends Application {
}
