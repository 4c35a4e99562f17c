package org.jpasskeys.sample;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jpasskeys.audit.AuditEvent;
import org.jpasskeys.audit.AuditEventType;
import org.jpasskeys.ceremony.Usernames;
import org.jpasskeys.credential.CredentialRepository;
import org.jpasskeys.credential.UserRepository;
import org.jpasskeys.sample.password.PasswordAccounts;

/**
 * The sample's administrators: the names in {@code sample.admins} whose accounts the operator made. At start-up
 * each missing one is created with the password {@code sample.admins.bootstrap-password}; its holder signs in
 * with it and adds a passkey, which takes the password away. An account that signed up itself under such a name
 * (before the name was listed) is never an administrator.
 */
@ApplicationScoped
public class Administrators {

    private static final Logger LOG = Logger.getLogger(Administrators.class.getName());

    @Inject
    UserRepository users;

    @Inject
    CredentialRepository credentials;

    @Inject
    OperatorAccounts operatorAccounts;

    @Inject
    PasswordAccounts passwords;

    /** Username to account id, of every administrator; written once at start-up. */
    private volatile Map<String, String> accounts = Map.of();

    /** Creates the missing administrators' accounts; the sample's tables and the module's must exist. */
    public void provision() {
        Config config = ConfigProvider.getConfig();
        List<String> names = Arrays.stream(config.getOptionalValue("sample.admins", String.class).orElse("")
                .split(",")).map(String::strip).filter(name -> !name.isEmpty()).map(Usernames::normalize).toList();
        Optional<String> bootstrap = config.getOptionalValue("sample.admins.bootstrap-password", String.class);
        if (bootstrap.isPresent() && (bootstrap.get().length() < 8 || bootstrap.get().length() > 128)) {
            throw new IllegalStateException("sample.admins.bootstrap-password must have 8 to 128 characters");
        }
        Map<String, String> provisioned = new LinkedHashMap<>();
        for (String name : names) {
            provision(name, bootstrap).ifPresent(id -> provisioned.put(name, id));
        }
        accounts = Map.copyOf(provisioned);
    }

    private Optional<String> provision(String username, Optional<String> bootstrap) {
        Optional<String> made = operatorAccounts.accountIdOf(username);
        if (made.isPresent()) {
            // Until the administrator has a passkey, the operator's bootstrap password is theirs.
            if (bootstrap.isPresent() && credentials.findByUserId(made.get()).isEmpty()) {
                passwords.setPassword(username, bootstrap.get().toCharArray());
            }
            return made;
        }
        if (users.findByUsername(username).isPresent()) {
            LOG.severe(() -> "sample.admins names " + username + ", an account that signed up itself: it is not an "
                    + "administrator. Name an account the operator has not given out yet.");
            return Optional.empty();
        }
        try {
            operatorAccounts.create(username, bootstrap.map(String::toCharArray));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "administrator " + username + " made elsewhere meanwhile, or not at all", e);
        }
        made = operatorAccounts.accountIdOf(username);
        if (made.isEmpty()) {
            LOG.severe(() -> "sample.admins names " + username + ", whose account could not be made: it is not an "
                    + "administrator");
        } else if (bootstrap.isEmpty()) {
            LOG.warning(() -> "administrator " + username + " has no way in yet: set sample.admins.bootstrap-password "
                    + "and restart");
        }
        return made;
    }

    public boolean isAdministrator(String username) {
        return accounts.containsKey(username);
    }

    /** An administrator's first passkey retires the bootstrap password. */
    void passkeyAdded(@Observes AuditEvent event) {
        if (event.type() != AuditEventType.REGISTRATION_SUCCEEDED || event.userId().isEmpty()) {
            return;
        }
        String userId = event.userId().get();
        accounts.entrySet().stream().filter(entry -> entry.getValue().equals(userId)).findFirst().ifPresent(entry -> {
            try {
                passwords.removePassword(entry.getKey());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the bootstrap password of " + entry.getKey() + " is still valid", e);
            }
        });
    }
}
