package org.ipc.physicians;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A physician abroad who refers patients; provisioned from the Keycloak token on first use. */
@Entity
@Table(name = "referring_physician")
public class ReferringPhysician extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Keycloak subject: the identity that owns this physician's cases. */
    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    public String institution;

    /** ISO 3166-1 alpha-2. */
    public String country;

    /** The language the physician chose for the portal's pages (en, es, pt, zh, ar); null: the browser's. */
    @Column(name = "portal_language")
    public String portalLanguage;

    /** The IANA time zone the portal shows times in; null: the browser's guess, else UTC. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ReferringPhysician> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
