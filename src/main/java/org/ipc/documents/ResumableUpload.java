package org.ipc.documents;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A resumable (tus) upload in progress: what the physician said it is, how long it will be, how much has arrived.
 * The bytes so far are a file named by the id in the uploads directory, shared by the replicas.
 */
@Entity
@Table(name = "resumable_upload")
public class ResumableUpload extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Keycloak subject of the physician who started it: nobody else reaches it. */
    @Column(name = "physician_subject", nullable = false)
    public String physicianSubject;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** The type the client declared (checked against the content once assembled). */
    @Column(name = "declared_type")
    public String declaredType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    public String language;

    @Column(name = "length_bytes", nullable = false)
    public long length;

    @Column(name = "offset_bytes", nullable = false)
    public long offset;

    /** The writer appending right now, and until when its claim holds (renewed while it writes). */
    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The case document it became, once complete and checked. */
    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
