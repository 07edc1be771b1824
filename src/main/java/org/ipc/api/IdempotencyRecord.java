package org.ipc.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The first answer to a caller's request under one Idempotency-Key, kept to answer its retries. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String principal;

    /** The operation, e.g. {@code submit-case}. */
    @Column(nullable = false)
    public String scope;

    @Column(name = "idem_key", nullable = false)
    public String key;

    /** SHA-256 of the request as the service understood it: the same key with another body is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public Integer status;

    public String location;

    @Column(length = 1_000_000)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Optional<IdempotencyRecord> find(String principal, String scope, String key) {
        return find("principal = ?1 and scope = ?2 and key = ?3", principal, scope, key).firstResultOptional();
    }
}
