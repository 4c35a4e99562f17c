package org.jpasskeys.web;

import static org.jpasskeys.http.CachedJsonProvider.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.config.PasskeysConfig;

/**
 * {@code GET /.well-known/webauthn}: the WebAuthn related origins document, {@code {"origins": [...]}} from
 * {@code passkeys.rp.related-origins}, so that those sites may use this relying party's passkeys. Mapped only
 * when that list is set; without it the path answers 404.
 */
public class RelatedOriginsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/.well-known/webauthn";

    @Inject
    transient PasskeysConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = JSON.createObjectBuilder()
                .add("origins", JSON.createArrayBuilder(config.operations().relatedOrigins()))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
