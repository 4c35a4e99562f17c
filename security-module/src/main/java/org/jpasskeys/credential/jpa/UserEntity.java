package org.jpasskeys.credential.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.UserAccount;

/** Row of {@code jp_user}; only the repositories see it. */
@Entity
@Table(name = "jp_user")
class UserEntity {

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
