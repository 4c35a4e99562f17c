package org.jpasskeys.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class HttpExchangeTest {

    private static final int LIMIT = 64;
    private static final String BODY = "{\"id\":\"abc\"}";

    @Test
    void aBodyOfItsDeclaredLengthIsRead() {
        JsonObject read = HttpExchange.readJsonObject(request(BODY, BODY.length()), Set.of(), LIMIT);

        assertThat(read.getString("id")).isEqualTo("abc");
    }

    @Test
    void aBodyOfNoDeclaredLengthIsReadUpToTheLimit() {
        String padded = "{\"id\":\"" + "a".repeat(LIMIT - 9) + "\"}";

        assertThat(padded).hasSize(LIMIT);
        assertThat(HttpExchange.readJsonObject(request(padded, -1), Set.of(), LIMIT).getString("id"))
                .hasSize(LIMIT - 9);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthWasDeclaredOrNot() {
        String over = "{\"id\":\"" + "a".repeat(LIMIT) + "\"}";

        for (long declared : new long[] {over.length(), -1}) {
            assertThatThrownBy(() -> HttpExchange.readJsonObject(request(over, declared), Set.of(), LIMIT))
                    .as("declared %d", declared)
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(413));
        }
    }

    @Test
    void aBodyShorterThanDeclaredIsReadAsItCame() {
        assertThat(HttpExchange.readJsonObject(request(BODY, LIMIT), Set.of(), LIMIT).getString("id"))
                .isEqualTo("abc");
    }

    @Test
    void deeplyNestedJsonIsAnInvalidRequest() {
        for (String nested : new String[] {"{\"a\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}",
                "[".repeat(1_001) + "]".repeat(1_001), "{\"a\":" + "{\"b\":".repeat(40) + "1" + "}".repeat(41)}) {
            assertThatThrownBy(() -> HttpExchange.readJsonObject(request(nested, nested.length()), Set.of(), 65_536))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().code()).isEqualTo("invalid_request");
                    });
        }
    }

    private static HttpServletRequest request(String body, long declaredLength) {
        ServletInputStream stream = servletStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return (HttpServletRequest) Proxy.newProxyInstance(HttpExchangeTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> "application/json";
                    case "getContentLengthLong" -> declaredLength;
                    case "getInputStream" -> stream;
                    default -> null;
                });
    }

    private static ServletInputStream servletStream(ByteArrayInputStream bytes) {
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
