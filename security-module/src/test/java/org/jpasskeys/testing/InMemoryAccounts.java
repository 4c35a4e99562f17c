package org.jpasskeys.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jpasskeys.credential.CredentialIds;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.DuplicateException;
import org.jpasskeys.credential.OwnedCredential;
import org.jpasskeys.credential.PasskeyShape;
import org.jpasskeys.credential.SignInUpdate;
import org.jpasskeys.credential.StoredCredential;
import org.jpasskeys.credential.UserAccount;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.revocation.AccountStanding;

/** Users and credentials in memory, with the same uniqueness and atomicity rules as the JPA store. */
public final class InMemoryAccounts implements UserRepository, CredentialRepository {

    private final Map<String, UserAccount> usersById = new ConcurrentHashMap<>();
    private final Map<String, StoredCredential> credentialsById = new ConcurrentHashMap<>();
    private final Set<String> disabledUserIds = ConcurrentHashMap.newKeySet();

    /** Disables the account: its passkeys no longer sign it in. */
    public void disable(String userId) {
        disabledUserIds.add(userId);
    }

    @Override
    public Optional<UserAccount> findByUserHandle(byte[] userHandle) {
        return usersById.values().stream().filter(u -> u.hasUserHandle(userHandle)).findFirst();
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return usersById.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    @Override
    public synchronized void create(UserAccount account) {
        if (findByUsername(account.username()).isPresent()) {
            throw new DuplicateException(DuplicateException.Kind.USERNAME);
        }
        usersById.put(account.id(), account);
    }

    @Override
    public synchronized void createWithCredential(UserAccount account, StoredCredential firstCredential) {
        if (findByUsername(account.username()).isPresent()) {
            throw new DuplicateException(DuplicateException.Kind.USERNAME);
        }
        if (credentialsById.containsKey(firstCredential.credentialIdBase64Url())) {
            throw new DuplicateException(DuplicateException.Kind.CREDENTIAL_ID);
        }
        usersById.put(account.id(), account);
        credentialsById.put(firstCredential.credentialIdBase64Url(), firstCredential);
    }

    @Override
    public Optional<StoredCredential> findById(byte[] credentialId) {
        return Optional.ofNullable(credentialsById.get(CredentialIds.encode(credentialId)));
    }

    @Override
    public Optional<OwnedCredential> findForSignIn(byte[] credentialId) {
        // Empty without the owner, as the database's join.
        return findById(credentialId).flatMap(credential -> findById(credential.userId()).map(owner ->
                new OwnedCredential(credential, owner, new AccountStanding(true,
                        disabledUserIds.contains(owner.id()), AccountStanding.FIRST_SESSION_EPOCH))));
    }

    @Override
    public List<StoredCredential> findByUserId(String userId) {
        List<StoredCredential> found = new ArrayList<>(credentialsById.values().stream()
                .filter(c -> c.userId().equals(userId)).toList());
        found.sort(Comparator.comparing(StoredCredential::createdAt));
        return found;
    }

    @Override
    public synchronized Map<String, List<PasskeyShape>> sampleShapes(int accounts) {
        Map<String, List<PasskeyShape>> shapes = new TreeMap<>();
        credentialsById.values().stream().map(StoredCredential::userId).distinct().sorted().limit(accounts)
                .forEach(userId -> shapes.put(userId, findByUserId(userId).stream()
                        .map(c -> new PasskeyShape(c.credentialId().length, c.transports())).toList()));
        return shapes;
    }

    @Override
    public synchronized boolean add(StoredCredential credential, int maxPerAccount) {
        if (findByUserId(credential.userId()).size() >= maxPerAccount) {
            return false;
        }
        if (credentialsById.putIfAbsent(credential.credentialIdBase64Url(), credential) != null) {
            throw new DuplicateException(DuplicateException.Kind.CREDENTIAL_ID);
        }
        return true;
    }

    @Override
    public synchronized boolean rename(String userId, byte[] credentialId, String name) {
        StoredCredential c = credentialsById.get(CredentialIds.encode(credentialId));
        if (c == null || !c.userId().equals(userId)) {
            return false;
        }
        credentialsById.put(c.credentialIdBase64Url(), new StoredCredential(c.credentialId(), c.userId(),
                c.publicKeyCose(), c.signCount(), c.uvInitialized(), c.backupEligible(), c.backedUp(), c.transports(),
                c.aaguid(), c.attestation(), name, c.createdAt(), c.lastUsedAt(), c.userAgent()));
        return true;
    }

    @Override
    public synchronized Deletion delete(String userId, byte[] credentialId, boolean keepLast) {
        StoredCredential c = credentialsById.get(CredentialIds.encode(credentialId));
        if (c == null || !c.userId().equals(userId)) {
            return Deletion.NOT_FOUND;
        }
        if (keepLast && findByUserId(userId).size() == 1) {
            return Deletion.LAST_CREDENTIAL;
        }
        credentialsById.remove(c.credentialIdBase64Url());
        return Deletion.DELETED;
    }

    @Override
    public boolean recordSignIn(SignInUpdate update) {
        boolean[] applied = {false};
        credentialsById.computeIfPresent(CredentialIds.encode(update.credentialId()), (id, c) -> {
            boolean advances = update.signCount() > c.signCount() || (update.signCount() == 0 && c.signCount() == 0);
            if (!advances) {
                return c;
            }
            applied[0] = true;
            return new StoredCredential(c.credentialId(), c.userId(), c.publicKeyCose(), update.signCount(),
                    c.uvInitialized(), c.backupEligible(), update.backedUp(), c.transports(), c.aaguid(),
                    c.attestation(), c.name(), c.createdAt(), Optional.of(update.usedAt()), c.userAgent());
        });
        return applied[0];
    }

    public int userCount() {
        return usersById.size();
    }

    public int credentialCount() {
        return credentialsById.size();
    }
}
