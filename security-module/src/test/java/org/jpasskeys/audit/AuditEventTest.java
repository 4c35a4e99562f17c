package org.jpasskeys.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void valuesFromRequestsCannotForgeALogLineOrOverflowTheirColumns() {
        AuditEvent event = new AuditEvent(Instant.EPOCH, AuditEventType.ADMINISTRATION_FAILED,
                Optional.of("x\nSIGN_IN_SUCCEEDED " + "u".repeat(100)), Optional.of("c".repeat(2000)),
                Optional.of("192.0.2.1\r\n" + "a".repeat(100)), "detail\u0000" + "d".repeat(1000));

        assertThat(event.userId()).hasValueSatisfying(id -> assertThat(id).hasSize(AuditEvent.MAX_USER_ID)
                .doesNotContain("\n").startsWith("x\uFFFDSIGN_IN_SUCCEEDED"));
        assertThat(event.credentialId()).hasValueSatisfying(id -> assertThat(id).hasSize(AuditEvent.MAX_CREDENTIAL_ID));
        assertThat(event.clientAddress()).hasValueSatisfying(address -> assertThat(address)
                .hasSize(AuditEvent.MAX_CLIENT_ADDRESS).doesNotContain("\r", "\n"));
        assertThat(event.detail()).hasSize(AuditEvent.MAX_DETAIL).startsWith("detail\uFFFD");
    }

    @Test
    void ordinaryValuesStayAsTheyAre() {
        AuditEvent event = new AuditEvent(Instant.EPOCH, AuditEventType.SIGN_IN_SUCCEEDED, Optional.of("u-1"),
                Optional.empty(), Optional.of("2001:db8::1"), "user resolved from userHandle");

        assertThat(event.userId()).contains("u-1");
        assertThat(event.clientAddress()).contains("2001:db8::1");
        assertThat(event.detail()).isEqualTo("user resolved from userHandle");
    }
}
