package org.jpasskeys.credential.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.DuplicateException;
import org.jpasskeys.credential.OwnedCredential;
import org.jpasskeys.credential.PasskeyShape;
import org.jpasskeys.credential.SignInUpdate;
import org.jpasskeys.credential.StoredCredential;

/**
 * {@link CredentialRepository} over JPA; the unique index on {@code credential_id} is the final guard. A sign-in's
 * two statements run on the datasource without a transaction or its interceptor; everything else in one.
 */
@ApplicationScoped
public class JpaCredentialRepository implements CredentialRepository {

    private static final String SIGN_IN_READ = "SELECT " + CredentialEntity.COLUMNS + ", " + UserEntity.COLUMNS
            + ", " + UserEntity.STANDING_COLUMNS + " FROM jp_credential c JOIN jp_user u ON u.id = c.user_id "
            + "WHERE c.credential_id = ?";
    private static final String SAMPLE_SHAPES = "SELECT c.user_id, c.credential_id, c.transports FROM jp_credential c "
            + "WHERE c.user_id IN (SELECT s.user_id FROM (SELECT DISTINCT user_id FROM jp_credential "
            + "ORDER BY user_id LIMIT ?) s) ORDER BY c.user_id, c.created_at, c.id";
    private static final int OWNER_COLUMN = CredentialEntity.COLUMN_COUNT + 1;
    private static final int STANDING_COLUMN = OWNER_COLUMN + UserEntity.COLUMN_COUNT;

    @PersistenceContext(unitName = "jpasskeys")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    DataSource dataSource;

    @PostConstruct
    void lookUpDataSource() {
        dataSource = SchemaMigration.dataSource();
    }

    @Override
    @Transactional
    public Optional<StoredCredential> findById(byte[] credentialId) {
        return HotPath.single(em, "SELECT " + CredentialEntity.COLUMNS + " FROM jp_credential c "
                + "WHERE c.credential_id = ?", CredentialIds.encode(credentialId), CredentialEntity::read);
    }

    @Override
    public Optional<OwnedCredential> findForSignIn(byte[] credentialId) {
        return HotPath.single(dataSource, transactions, SIGN_IN_READ, CredentialIds.encode(credentialId),
                row -> new OwnedCredential(CredentialEntity.read(row), UserEntity.read(row, OWNER_COLUMN),
                        UserEntity.readStanding(row, STANDING_COLUMN)));
    }

    @Override
    @Transactional
    public List<StoredCredential> findByUserId(String userId) {
        return em.createQuery("SELECT c FROM CredentialEntity c WHERE c.userId = :user ORDER BY c.createdAt, c.id",
                        CredentialEntity.class)
                .setParameter("user", userId)
                .getResultStream()
                .map(CredentialEntity::toCredential)
                .toList();
    }

    @Override
    @Transactional
    public Map<String, List<PasskeyShape>> sampleShapes(int accounts) {
        Map<String, List<PasskeyShape>> shapes = new LinkedHashMap<>();
        HotPath.run(em, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SAMPLE_SHAPES)) {
                select.setInt(1, accounts);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        shapes.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new PasskeyShape(
                                CredentialIds.decode(rows.getString(2)).length,
                                CredentialEntity.transports(rows.getString(3))));
                    }
                }
            }
            return null;
        });
        return shapes;
    }

    @Override
    @Transactional
    public boolean add(StoredCredential credential, int maxPerAccount) {
        // The account row lock serialises additions per account, so that the count below stays true until commit.
        em.find(UserEntity.class, credential.userId(), LockModeType.PESSIMISTIC_WRITE);
        long held = em.createQuery("SELECT COUNT(c) FROM CredentialEntity c WHERE c.userId = :user", Long.class)
                .setParameter("user", credential.userId()).getSingleResult();
        if (held >= maxPerAccount) {
            return false;
        }
        if (exists(em, credential.credentialIdBase64Url())) {
            throw new DuplicateException(DuplicateException.Kind.CREDENTIAL_ID);
        }
        UniqueViolations.persistAndFlush(em, CredentialEntity.from(credential));
        return true;
    }

    @Override
    @Transactional
    public boolean rename(String userId, byte[] credentialId, String name) {
        return em.createQuery("UPDATE CredentialEntity c SET c.name = :name "
                        + "WHERE c.credentialId = :id AND c.userId = :user")
                .setParameter("name", name)
                .setParameter("id", CredentialIds.encode(credentialId))
                .setParameter("user", userId)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public Deletion delete(String userId, byte[] credentialId, boolean keepLast) {
        // The account row lock serialises deletions per account.
        if (em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return Deletion.NOT_FOUND;
        }
        List<CredentialEntity> owned = em.createQuery("SELECT c FROM CredentialEntity c WHERE c.userId = :user",
                CredentialEntity.class).setParameter("user", userId).getResultList();
        String id = CredentialIds.encode(credentialId);
        Optional<CredentialEntity> target = owned.stream().filter(c -> c.credentialId.equals(id)).findFirst();
        if (target.isEmpty()) {
            return Deletion.NOT_FOUND;
        }
        if (keepLast && owned.size() == 1) {
            return Deletion.LAST_CREDENTIAL;
        }
        em.remove(target.get());
        // In the same transaction: the tokens this passkey signed in end with it.
        HotPath.run(em, connection -> {
            RevokedSignInRows.insert(connection, userId, RevokedSignInRows.PASSKEY, id, Instant.now());
            return null;
        });
        return Deletion.DELETED;
    }

    @Override
    public boolean recordSignIn(SignInUpdate update) {
        // One conditional UPDATE: the database decides, so concurrent sign-ins cannot lose an update
        // and the stored counter never moves backwards. In SQL: Hibernate translates a JPQL update anew on
        // every execution, a third of this method's time.
        String advances = update.signCount() == 0 ? "sign_count = 0" : "sign_count < ?";
        return HotPath.run(dataSource, transactions, connection -> {
            try (PreparedStatement record = connection.prepareStatement("UPDATE jp_credential SET sign_count = ?, "
                    + "backed_up = ?, last_used_at = ? WHERE credential_id = ? AND " + advances)) {
                record.setLong(1, update.signCount());
                record.setBoolean(2, update.backedUp());
                record.setObject(3, update.usedAt().atOffset(ZoneOffset.UTC));
                record.setString(4, CredentialIds.encode(update.credentialId()));
                if (update.signCount() != 0) {
                    record.setLong(5, update.signCount());
                }
                return record.executeUpdate() == 1;
            }
        });
    }

    static boolean exists(EntityManager em, String credentialId) {
        return !em.createQuery("SELECT c.id FROM CredentialEntity c WHERE c.credentialId = :id", Long.class)
                .setParameter("id", credentialId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
