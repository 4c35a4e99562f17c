package org.jpasskeys.assurance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jpasskeys.credential.StoredCredential;

/**
 * The policies an account's passkeys must meet: no model the FIDO metadata reports compromised or revoked (unless
 * an administrator accepted that report), the default policy and every named one of the account's groups, all of
 * them; a passkey is told of the first one it fails. The application's group lookup runs only when there are
 * named policies.
 */
public final class AuthenticatorPolicies {

    private final AuthenticatorPolicy defaultPolicy;
    private final List<AuthenticatorPolicy> groupPolicies;
    private final AccountGroups groups;
    private final AuthenticatorMetadata metadata;
    private final Set<UUID> statusAccepted;

    public AuthenticatorPolicies(AuthenticatorPolicy defaultPolicy, List<AuthenticatorPolicy> groupPolicies,
                                 AccountGroups groups, AuthenticatorMetadata metadata, Set<UUID> statusAccepted) {
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy);
        this.groupPolicies = List.copyOf(groupPolicies);
        this.groups = Objects.requireNonNull(groups);
        this.metadata = Objects.requireNonNull(metadata);
        this.statusAccepted = Set.copyOf(statusAccepted);
    }

    /** The policies that apply to the account named {@code username}. */
    public List<AuthenticatorPolicy> of(String username) {
        List<AuthenticatorPolicy> applying = new ArrayList<>(List.of(defaultPolicy));
        if (!groupPolicies.isEmpty()) {
            Set<String> memberOf = groups.of(username);
            groupPolicies.stream().filter(policy -> policy.appliesTo(memberOf)).forEach(applying::add);
        }
        return applying;
    }

    /** Whether registration for {@code username} must ask for attestation. */
    public boolean needAttestation(String username) {
        return of(username).stream().anyMatch(AuthenticatorPolicy::needsAttestation);
    }

    /** The first refusal of the policies that apply to {@code username}, with the policy's name for the audit log. */
    public Optional<Refusal> refusal(String username, StoredCredential credential) {
        Optional<MetadataEntry> entry = metadata.find(credential.aaguid());
        Optional<String> status = entry.flatMap(MetadataEntry::untrustedStatus)
                .filter(reported -> !statusAccepted.contains(credential.aaguid()));
        if (status.isPresent()) {
            return Optional.of(new Refusal("metadata status " + status.get(), "The maker of this authenticator model "
                    + "reported a security problem with it. Use another passkey, and ask your administrator to "
                    + "replace this one."));
        }
        for (AuthenticatorPolicy policy : of(username)) {
            Optional<String> detail = policy.refusal(credential, entry);
            if (detail.isPresent()) {
                return Optional.of(new Refusal(policy.name(), detail.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A passkey that a policy refuses.
     *
     * @param policy the refusing policy's name (or the metadata status that refused)
     * @param detail what the person must use instead
     */
    public record Refusal(String policy, String detail) {
    }
}
