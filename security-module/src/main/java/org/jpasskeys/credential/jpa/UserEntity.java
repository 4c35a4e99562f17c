package org.jpasskeys.credential.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.revocation.AccountStanding;

/** Row of {@code jp_user}; only the repositories see it. */
@Entity
@Table(name = "jp_user")
class UserEntity {

    /** The columns {@link #read} reads, of this table ({@code jp_user u}). */
    static final String COLUMNS = "u.id, u.user_handle, u.username, u.display_name, u.created_at";

    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** The columns {@link #readStanding} reads, of this table ({@code jp_user u}). */
    static final String STANDING_COLUMNS = "u.disabled, u.session_epoch";

    @Id
    @Column(name = "id", length = 32)
    String id;

    @Column(name = "user_handle", nullable = false, unique = true, length = 88)
    String userHandle;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    String username;

    @Column(name = "display_name", nullable = false, length = 64)
    String displayName;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "disabled", nullable = false)
    boolean disabled;

    @Column(name = "session_epoch", nullable = false)
    long sessionEpoch;

    /** Reads the account from the {@link #COLUMNS} that start at column {@code first} of the current row. */
    static UserAccount read(ResultSet row, int first) throws SQLException {
        return new UserAccount(row.getString(first), CredentialIds.decode(row.getString(first + 1)),
                row.getString(first + 2), row.getString(first + 3), HotPath.instant(row, first + 4));
    }

    /** Reads the account's standing from the {@link #STANDING_COLUMNS} that start at column {@code first}. */
    static AccountStanding readStanding(ResultSet row, int first) throws SQLException {
        return new AccountStanding(true, row.getBoolean(first), row.getLong(first + 1));
    }

    static UserEntity from(UserAccount account) {
        UserEntity entity = new UserEntity();
        entity.id = account.id();
        entity.userHandle = CredentialIds.encode(account.userHandle());
        entity.username = account.username();
        entity.displayName = account.displayName();
        entity.createdAt = account.createdAt();
        return entity;
    }

    UserAccount toAccount() {
        return new UserAccount(id, CredentialIds.decode(userHandle), username, displayName, createdAt);
    }
}
