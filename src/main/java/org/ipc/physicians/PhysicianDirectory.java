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

import org.ipc.security.CurrentUser;

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

    /**
     * Creates the physician's row in the caller's transaction. Two first requests racing each other insert it once:
     * the second waits on the first's key, then inserts nothing, and both read the one row. No nested transaction,
     * so a request never holds one pooled connection while it waits for a second (a burst of new physicians larger
     * than half the pool would otherwise wait on itself until the pool's acquisition timeout).
     */
    private ReferringPhysician provision(String subject) {
        Instant now = Instant.now(clock);
        ReferringPhysician.getEntityManager().createNamedQuery(ReferringPhysician.PROVISION)
                .setParameter("id", UUID.randomUUID()).setParameter("subject", subject).setParameter("now", now)
                .executeUpdate();
        return ReferringPhysician.findBySubject(subject).orElseThrow();
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

    /**
     * Keeps the language and time zone the physician chose for the portal's pages. The caller checks them against
     * the pages' languages and the IANA zones; null leaves the browser's language (or UTC) in force.
     */
    @Transactional
    public ReferringPhysician choosePortalPreferences(String language, String timeZone) {
        ReferringPhysician p = current();
        p.portalLanguage = language;
        p.timeZone = timeZone;
        p.updatedAt = Instant.now(clock);
        return p;
    }
}
