package org.jpasskeys.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Reading JSON requests and writing JSON and problem responses, with the module's limits and checks. */
public final class HttpExchange {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Deeper than any body of the API; bounded before parsing, whose reader recurses once per level. */
    static final int MAX_DEPTH = 32;

    private HttpExchange() {
    }

    /**
     * The request body as a JSON object, after the checks every state-changing endpoint makes: JSON content
     * type (a cross-site form cannot send it without a preflight), an {@code Origin} header, if sent, among
     * {@code origins}, and a body of at most {@code maxBytes} (counted before any parsing). An empty body is {}.
     */
    public static JsonObject readJsonObject(HttpServletRequest request, Set<String> origins, int maxBytes) {
        requireAllowedOrigin(request, origins);
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ProblemException(new Problem(415, "invalid_request", "Unsupported media type",
                    "Send the request body as application/json."));
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = readAtMost(request, declared, maxBytes);
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        String text = utf8(body);
        requireDepthAtMost(text, MAX_DEPTH);
        try (JsonReader reader = CachedJsonProvider.JSON.createReader(new StringReader(text))) {
            JsonStructure structure = reader.read();
            if (structure instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // JsonException, and the plain RuntimeException the provider throws past its own limits.
            throw new ProblemException(Problem.invalidRequest("The request body is not valid JSON."));
        }
        throw new ProblemException(Problem.invalidRequest("The request body must be a JSON object."));
    }

    /** Refuses a request whose {@code Origin} header is present but not among {@code origins} (403). */
    public static void requireAllowedOrigin(HttpServletRequest request, Set<String> origins) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origins.contains(origin)) {
            throw new ProblemException(new Problem(403, "origin_mismatch", "Origin not allowed",
                    "Requests from " + origin + " are not accepted by this site."));
        }
    }

    public static void writeJson(HttpServletResponse response, int status, JsonStructure body) throws IOException {
        write(response, status, JSON, body.toString());
    }

    public static void writeProblem(HttpServletResponse response, Problem problem) throws IOException {
        if (problem.status() == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        write(response, problem.status(), PROBLEM_JSON, problem.toJson().toString());
    }

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    // One array of the declared length (the container ends the stream there), or when the length is not declared,
    // up to one byte past the limit: no fixed 8 KB buffer and copies per request.
    private static byte[] readAtMost(HttpServletRequest request, long declared, int maxBytes) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(declared >= 0 ? (int) declared : maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new ProblemException(Problem.invalidRequest("The request body could not be read."));
        }
    }

    /** Counts the nesting of objects and arrays outside strings; the parser judges everything else. */
    private static void requireDepthAtMost(String text, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    throw new ProblemException(Problem.invalidRequest(
                            "The request body nests objects and arrays deeper than " + maxDepth + " levels."));
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.invalidRequest("The request body is not UTF-8."));
        }
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(new Problem(413, "payload_too_large", "Payload too large",
                "The request body is larger than " + maxBytes + " bytes."));
    }
}
