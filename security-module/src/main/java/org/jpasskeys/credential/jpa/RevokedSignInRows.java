package org.jpasskeys.credential.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jpasskeys.revocation.RevokedSignIns;

/** The rows of {@code jp_revoked_sign_in}: single sign-ins ended by a sign-out or by the deletion of their passkey. */
final class RevokedSignInRows {

    static final String SIGN_IN = "sign-in";
    static final String PASSKEY = "passkey";

    private static final String INSERT =
            "INSERT INTO jp_revoked_sign_in (user_id, kind, revoked_id, revoked_at) VALUES (?, ?, ?, ?)";
    private static final String SELECT_SINCE =
            "SELECT kind, revoked_id, revoked_at FROM jp_revoked_sign_in WHERE user_id = ? AND revoked_at >= ?";
    private static final String DELETE_BEFORE = "DELETE FROM jp_revoked_sign_in WHERE revoked_at < ?";

    private RevokedSignInRows() {
    }

    static void insert(Connection connection, String userId, String kind, String revokedId, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, userId);
            insert.setString(2, kind);
            insert.setString(3, revokedId);
            insert.setObject(4, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    static RevokedSignIns since(Connection connection, String userId, Instant since) throws SQLException {
        Set<String> signIns = new HashSet<>();
        Map<String, Instant> passkeys = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_SINCE)) {
            select.setString(1, userId);
            select.setObject(2, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (PASSKEY.equals(rows.getString(1))) {
                        passkeys.merge(rows.getString(2), HotPath.instant(rows, 3), (a, b) -> a.isAfter(b) ? a : b);
                    } else {
                        signIns.add(rows.getString(2));
                    }
                }
            }
        }
        return signIns.isEmpty() && passkeys.isEmpty() ? RevokedSignIns.NONE : new RevokedSignIns(signIns, passkeys);
    }

    static void deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_BEFORE)) {
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }
}
