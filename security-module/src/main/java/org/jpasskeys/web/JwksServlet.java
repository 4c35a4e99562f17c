package org.jpasskeys.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jpasskeys.token.JsonWebKeySet;

/** {@code GET /.well-known/jwks.json}: the public keys that verify access tokens. */
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient JsonWebKeySet keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = keys.toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
