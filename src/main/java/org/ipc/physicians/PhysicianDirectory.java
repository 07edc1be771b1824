package org.ipc.physicians;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.ipc.security.CurrentUser;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds the calling physician's record, creating it on first use and keeping name, e-mail, institution and
 * country in step with the token (Keycloak is where a physician's profile is edited).
 */
@ApplicationScoped
public class PhysicianDirectory {

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Transactional
    public ReferringPhysician current() {
        String subject = user.id();
        ReferringPhysician physician = ReferringPhysician.findBySubject(subject)
                .orElseGet(() -> provision(subject));
        refreshProfile(physician);
        return physician;
    }

    /** Read-only look-up: a physician who never called us has no cases yet. */
    @Transactional
    public Optional<ReferringPhysician> currentIfKnown() {
        return ReferringPhysician.findBySubject(user.id());
    }

    private ReferringPhysician provision(String subject) {
        // In its own transaction so that two first requests racing each other cannot both insert:
        // the loser's unique-key violation is answered by reading the winner's row.
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                ReferringPhysician p = new ReferringPhysician();
                p.id = UUID.randomUUID();
                p.subject = subject;
                p.createdAt = Instant.now(clock);
                p.updatedAt = p.createdAt;
                p.persist();
                return p.id;
            });
            return ReferringPhysician.<ReferringPhysician>findByIdOptional(id).orElseThrow();
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return ReferringPhysician.findBySubject(subject).orElseThrow(() -> e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private void refreshProfile(ReferringPhysician p) {
        String name = user.displayName();
        String email = user.email().orElse(p.email);
        String institution = user.claim("institution").orElse(p.institution);
        String country = user.claim("country").map(c -> c.toUpperCase(Locale.ROOT)).filter(c -> c.length() == 2)
                .orElse(p.country);
        if (!Objects.equals(name, p.displayName) || !Objects.equals(email, p.email)
                || !Objects.equals(institution, p.institution) || !Objects.equals(country, p.country)) {
            p.displayName = name;
            p.email = email;
            p.institution = institution;
            p.country = country;
            p.updatedAt = Instant.now(clock);
        }
    }
}
