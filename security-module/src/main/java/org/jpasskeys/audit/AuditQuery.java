package org.jpasskeys.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of the audit log.
 *
 * @param userId only this account's events, if given
 * @param type   only this kind of event, if given
 * @param from   events at or after
 * @param to     events before
 * @param page   zero-based page number
 * @param size   events per page, 1 to 200
 */
public record AuditQuery(Optional<String> userId, Optional<AuditEventType> type, Instant from, Instant to, int page,
                         int size) {

    public AuditQuery {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to 200");
        }
    }
}
