package org.jpasskeys.credential.jpa;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.jpasskeys.revocation.AccountStanding;
import org.jpasskeys.revocation.AccountStandingStore;

/** {@link AccountStandingStore} in the {@code jp_user} table; each change is one UPDATE, committed at once. */
@ApplicationScoped
@Transactional
public class JpaAccountStandings implements AccountStandingStore {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Override
    public AccountStanding find(String userId) {
        return em.createQuery("SELECT u.disabled, u.signedOutAt FROM UserEntity u WHERE u.id = :id", Object[].class)
                .setParameter("id", userId)
                .getResultList().stream()
                .findFirst()
                .map(row -> new AccountStanding(true, (Boolean) row[0], Optional.ofNullable((Instant) row[1])))
                .orElse(AccountStanding.GONE);
    }

    @Override
    public boolean setDisabled(String userId, boolean disabled, Instant at) {
        if (!disabled) {
            return em.createQuery("UPDATE UserEntity u SET u.disabled = false WHERE u.id = :id")
                    .setParameter("id", userId).executeUpdate() == 1;
        }
        return em.createQuery("UPDATE UserEntity u SET u.disabled = true, u.signedOutAt = :at WHERE u.id = :id")
                .setParameter("at", at).setParameter("id", userId).executeUpdate() == 1;
    }

    @Override
    public boolean signOut(String userId, Instant at) {
        return em.createQuery("UPDATE UserEntity u SET u.signedOutAt = :at WHERE u.id = :id")
                .setParameter("at", at).setParameter("id", userId).executeUpdate() == 1;
    }
}
