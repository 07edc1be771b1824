package org.ipc.physicians;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A physician abroad who refers patients; provisioned from the Keycloak token on first use. */
@Entity
@Table(name = "referring_physician")
@NamedQuery(name = ReferringPhysician.PROVISION, query = """
        insert into ReferringPhysician (id, subject, createdAt, updatedAt)
        values (:id, :subject, :now, :now)
        on conflict (subject) do nothing""")
public class ReferringPhysician extends PanacheEntityBase {

    /**
     * Inserts a new physician's row unless a racing first request already did. A named query, so Hibernate parses
     * it once at boot: parsed on demand, a burst of new physicians on a cold replica parsed it in every request at
     * once, and the parser's working memory (megabytes per parse of this statement) exhausted a 160 MB heap.
     */
    static final String PROVISION = "ReferringPhysician.provision";

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
