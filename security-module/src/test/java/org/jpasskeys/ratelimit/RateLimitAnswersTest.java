package org.jpasskeys.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class RateLimitAnswersTest {

    private final Map<String, String> headers = new HashMap<>();
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                }
                return null;
            });

    @Test
    void theWaitIsSaidInProperEnglishAndSentAsRetryAfter() {
        assertThat(RateLimitAnswers.problem(response, refused(1)).detail()).contains("Wait 1 second,");
        assertThat(headers).containsEntry("Retry-After", "1");
        assertThat(RateLimitAnswers.problem(response, refused(6)).detail()).contains("Wait 6 seconds,");
    }

    private static RateLimitDecision refused(long retryAfterSeconds) {
        return new RateLimitDecision("per-address", false, 10, 0, retryAfterSeconds);
    }
}
