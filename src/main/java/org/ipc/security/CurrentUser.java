package org.ipc.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, read from the bearer token: subject, display name, e-mail and task groups. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Who the audit trail names for a caller without a token (the public verification page). */
    public static final String ANONYMOUS = "anonymous";

    /** The stable Keycloak subject ({@code sub}); names and e-mails can change, this does not. */
    public String id() {
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    public String displayName() {
        return claim("name").orElseGet(() -> claim("preferred_username").orElse(id()));
    }

    public Optional<String> email() {
        return claim("email");
    }

    public Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        return Optional.ofNullable(value).map(Object::toString).filter(v -> !v.isBlank());
    }

    /** The caller's roles of {@link Roles#ALL} (without languages and departments), sorted. */
    public List<String> roles() {
        return Roles.ALL.stream().filter(identity::hasRole).sorted().toList();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * Candidate groups of Camunda tasks this caller may work: their staff roles, plus {@code coordinator:<lang>}
     * for each language a coordinator speaks and {@code specialist:<department>} for each of a specialist's
     * departments.
     */
    public List<String> taskGroups() {
        List<String> groups = new ArrayList<>(Roles.TASK_GROUPS.stream().filter(identity::hasRole).toList());
        if (identity.hasRole(Roles.COORDINATOR)) {
            withPrefix(Roles.LANGUAGE_PREFIX).map(Roles::coordinatorsSpeaking).forEach(groups::add);
        }
        if (identity.hasRole(Roles.SPECIALIST)) {
            withPrefix(Roles.DEPARTMENT_PREFIX).map(Roles::specialistsOf).forEach(groups::add);
        }
        return List.copyOf(groups);
    }

    /** The languages a coordinator speaks (ISO 639 codes of their {@code lang:} roles), sorted. */
    public List<String> languages() {
        return withPrefix(Roles.LANGUAGE_PREFIX).toList();
    }

    /** A specialist's departments (codes of their {@code dept:} roles), sorted. */
    public List<String> departments() {
        return withPrefix(Roles.DEPARTMENT_PREFIX).toList();
    }

    /** The user name they sign in with ({@code preferred_username}), if the token says. */
    public Optional<String> username() {
        return claim("preferred_username");
    }

    private Stream<String> withPrefix(String prefix) {
        return identity.getRoles().stream().filter(r -> r.startsWith(prefix) && r.length() > prefix.length())
                .map(r -> r.substring(prefix.length())).sorted();
    }
}
