package org.jpasskeys.credential.jpa;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.revocation.AccountStandingStore;
import org.jpasskeys.revocation.RevokedSignIns;
import org.jpasskeys.revocation.SignIn;

/**
 * {@link AccountStandingStore} in the {@code jp_user} table. The session epoch only ever grows, by an
 * increment the database makes, so that concurrent changes on several nodes cannot lose one.
 */
@ApplicationScoped
@Transactional
public class JpaAccountStandings implements AccountStandingStore {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Override
    public AccountStanding find(String userId) {
        return HotPath.single(em, "SELECT " + UserEntity.STANDING_COLUMNS + " FROM jp_user u WHERE u.id = ?", userId,
                row -> UserEntity.readStanding(row, 1)).orElse(AccountStanding.GONE);
    }

    @Override
    public boolean setDisabled(String userId, boolean disabled) {
        return em.createQuery(disabled
                        ? "UPDATE UserEntity u SET u.disabled = true, u.sessionEpoch = u.sessionEpoch + 1 WHERE u.id = :id"
                        : "UPDATE UserEntity u SET u.disabled = false WHERE u.id = :id")
                .setParameter("id", userId).executeUpdate() == 1;
    }

    @Override
    public boolean signOut(String userId) {
        return em.createQuery("UPDATE UserEntity u SET u.sessionEpoch = u.sessionEpoch + 1 WHERE u.id = :id")
                .setParameter("id", userId).executeUpdate() == 1;
    }

    @Override
    public int revokePasskeys(String userId, Optional<byte[]> credentialId) {
        // The account row lock serialises this with the account's own passkey changes.
        if (em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return -1;
        }
        int removed = credentialId
                .map(id -> em.createQuery("DELETE FROM CredentialEntity c WHERE c.userId = :user AND c.credentialId = :id")
                        .setParameter("id", CredentialIds.encode(id)))
                .orElseGet(() -> em.createQuery("DELETE FROM CredentialEntity c WHERE c.userId = :user"))
                .setParameter("user", userId)
                .executeUpdate();
        if (removed > 0 || credentialId.isEmpty()) {
            signOut(userId);
        }
        return removed;
    }

    @Override
    public RevokedSignIns revokedSince(String userId, Instant since) {
        return HotPath.run(em, connection -> RevokedSignInRows.since(connection, userId, since));
    }

    @Override
    public void endSignIn(SignIn signIn, Instant at) {
        HotPath.run(em, connection -> {
            RevokedSignInRows.insert(connection, signIn.userId(), RevokedSignInRows.SIGN_IN, signIn.id(), at);
            return null;
        });
    }

    @Override
    public void forgetRevokedBefore(Instant cutoff) {
        HotPath.run(em, connection -> {
            RevokedSignInRows.deleteBefore(connection, cutoff);
            return null;
        });
    }
}
