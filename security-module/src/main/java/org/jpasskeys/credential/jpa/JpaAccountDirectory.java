package org.jpasskeys.credential.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jpasskeys.admin.AccountDirectory;
import org.jpasskeys.admin.AccountSummary;
import org.jpasskeys.admin.AuthenticatorModelSummary;

/**
 * {@link AccountDirectory} over JPA: one query with the passkey count and the latest sign-in per account, one with
 * the passkeys per authenticator model.
 */
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

    @Override
    public List<AuthenticatorModelSummary> authenticatorModels() {
        return em.createQuery("SELECT c.aaguid, COUNT(c.id), "
                        + "SUM(CASE WHEN c.backupEligible = true THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.attestationRoot IS NOT NULL THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.hardwareKey = true THEN 1 ELSE 0 END) "
                        + "FROM CredentialEntity c GROUP BY c.aaguid ORDER BY COUNT(c.id) DESC", Object[].class)
                .getResultList().stream()
                .map(row -> new AuthenticatorModelSummary((UUID) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
                .toList();
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
