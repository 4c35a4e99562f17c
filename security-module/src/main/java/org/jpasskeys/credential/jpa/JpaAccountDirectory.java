package org.jpasskeys.credential.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jpasskeys.admin.AccountDirectory;
import org.jpasskeys.admin.AccountSummary;

/** {@link AccountDirectory} over JPA: one query with the passkey count and the latest sign-in per account. */
@ApplicationScoped
@Transactional
public class JpaAccountDirectory implements AccountDirectory {

    private static final String SUMMARY = "SELECT u, COUNT(c.id), MAX(c.lastUsedAt) FROM UserEntity u "
            + "LEFT JOIN CredentialEntity c ON c.userId = u.id ";

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Override
    public List<AccountSummary> search(String part, int max) {
        String pattern = "%" + part.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return summaries(em.createQuery(SUMMARY + "WHERE LOWER(u.username) LIKE :pattern ESCAPE '\\' "
                        + "GROUP BY u ORDER BY u.username", Object[].class)
                .setParameter("pattern", pattern)
                .setMaxResults(max));
    }

    @Override
    public Optional<AccountSummary> find(String userId) {
        return summaries(em.createQuery(SUMMARY + "WHERE u.id = :id GROUP BY u", Object[].class)
                .setParameter("id", userId)).stream().findFirst();
    }

    private static List<AccountSummary> summaries(TypedQuery<Object[]> query) {
        return query.getResultList().stream()
                .map(row -> {
                    UserEntity user = (UserEntity) row[0];
                    return new AccountSummary(user.toAccount(), user.disabled, ((Number) row[1]).longValue(),
                            Optional.ofNullable((Instant) row[2]));
                })
                .toList();
    }
}
