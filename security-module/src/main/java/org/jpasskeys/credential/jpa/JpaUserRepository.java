package org.jpasskeys.credential.jpa;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.DuplicateException;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;

/** {@link UserRepository} over JPA. */
@ApplicationScoped
@Transactional
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Override
    public Optional<UserAccount> findByUserHandle(byte[] userHandle) {
        return HotPath.single(em, "SELECT " + UserEntity.COLUMNS + " FROM jp_user u WHERE u.user_handle = ?",
                CredentialIds.encode(userHandle), row -> UserEntity.read(row, 1));
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return single("username", username);
    }

    @Override
    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(em.find(UserEntity.class, id)).map(UserEntity::toAccount);
    }

    @Override
    public void create(UserAccount account) {
        if (findByUsername(account.username()).isPresent()) {
            throw new DuplicateException(DuplicateException.Kind.USERNAME);
        }
        UniqueViolations.persistAndFlush(em, UserEntity.from(account));
    }

    @Override
    public void createWithCredential(UserAccount account, StoredCredential firstCredential) {
        if (findByUsername(account.username()).isPresent()) {
            throw new DuplicateException(DuplicateException.Kind.USERNAME);
        }
        if (JpaCredentialRepository.exists(em, firstCredential.credentialIdBase64Url())) {
            throw new DuplicateException(DuplicateException.Kind.CREDENTIAL_ID);
        }
        UniqueViolations.persistAndFlush(em, UserEntity.from(account));
        UniqueViolations.persistAndFlush(em, CredentialEntity.from(firstCredential));
    }

    private Optional<UserAccount> single(String attribute, String value) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u." + attribute + " = :value", UserEntity.class)
                .setParameter("value", value)
                .getResultList().stream()
                .findFirst()
                .map(UserEntity::toAccount);
    }
}
