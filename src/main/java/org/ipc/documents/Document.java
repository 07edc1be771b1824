package org.ipc.documents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ipc.crypto.FieldCipher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to a case: its metadata and checksum; the bytes live in {@link DocumentStorage}. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    /** The client's file name, without any path, as shown in lists and offered on download. */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** Recognised from the content, never taken from the client. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** SHA-256 of the content, hex. */
    @Column(nullable = false)
    public String sha256;

    /** BCP 47 tag of the document's language, when the uploader said. */
    public String language;

    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_by_staff", nullable = false)
    public boolean uploadedByStaff;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** 1, 2, 3... within the case: the order documents arrived in. */
    @Column(nullable = false)
    public int position;

    /**
     * For a document stored encrypted (it names identifiers, such as a visa letter): its own content key, sealed
     * under the data key; null for content stored as received.
     */
    @Column(name = "content_key")
    public String contentKey;

    /** Where a sealed document's key is kept: it opens for this row and no other. */
    public static FieldCipher.Binding keyBinding(UUID documentId) {
        return FieldCipher.Binding.of("document", documentId, "content_key");
    }

    public static List<Document> of(UUID caseId) {
        return list("caseId = ?1 order by position", caseId);
    }

    public static Optional<Document> inCase(UUID caseId, UUID documentId) {
        return find("caseId = ?1 and id = ?2", caseId, documentId).firstResultOptional();
    }
}
