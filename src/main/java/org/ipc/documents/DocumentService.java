package org.ipc.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.ipc.api.Enums;
import org.ipc.api.Idempotency;
import org.ipc.api.Page;
import org.ipc.api.ProblemException;
import org.ipc.api.StoredResponse;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.PatientCase;
import org.ipc.cases.ProcessMessages;
import org.ipc.crypto.ContentCipher;
import org.ipc.patients.LanguageTag;
import org.ipc.security.CurrentUser;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Case documents: checked uploads (count, size, name, type from the content, UTF-8 text), streamed into storage
 * with their SHA-256, all or nothing; listings and downloads that respect who may see what.
 */
@ApplicationScoped
public class DocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    /** A document's bytes, opened for streaming to the client. */
    public record Download(Document document, InputStream content) {
    }

    @Inject
    DocumentStorage storage;

    @Inject
    AuditTrail audit;

    @Inject
    DocumentsConfig config;

    @Inject
    CaseAccess access;

    @Inject
    CurrentUser user;

    @Inject
    ProcessMessages process;

    @Inject
    Idempotency idempotency;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @Inject
    ContentCipher cipher;

    /** A referring physician adds records to their own case; a case waiting for records hears of them. */
    public StoredResponse uploadAsPhysician(UUID caseId, List<FileUpload> files, String kindText, String language,
            String idempotencyKey) {
        List<Checked> checked = check(files);
        DocumentKind kind = kindText == null ? DocumentKind.MEDICAL_RECORD : Enums.parse(DocumentKind.class, "kind", kindText);
        if (!kind.physicianMayUpload()) {
            throw ProblemException.badField("kind", "physicians upload records: MEDICAL_RECORD, IMAGING, "
                    + "IMAGING_REPORT, PATHOLOGY_REPORT, LAB_RESULT or OTHER");
        }
        String tag = language(language);
        return idempotency.run("upload:" + caseId, idempotencyKey, fingerprint(caseId, kind, tag, checked), () -> {
            PatientCase c = access.ownCase(caseId);
            List<DocumentView> stored = store(c.id, checked, kind, tag, user.id(), false);
            audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, stored.size() + " documents");
            process.recordsReceived(c.id);
            return new StoredResponse(201, null, idempotency.toJson(new Page<>(stored, stored.size())));
        });
    }

    /** Hospital staff attach any kind of document (an opinion letter, an estimate, a translation). */
    public StoredResponse uploadAsStaff(UUID caseId, List<FileUpload> files, String kindText, String language,
            String idempotencyKey) {
        List<Checked> checked = check(files);
        if (kindText == null) {
            throw ProblemException.badField("kind", "is required: say what the document is");
        }
        DocumentKind kind = Enums.parse(DocumentKind.class, "kind", kindText);
        String tag = language(language);
        return idempotency.run("staff-upload:" + caseId, idempotencyKey, fingerprint(caseId, kind, tag, checked), () -> {
            PatientCase c = access.staffCase(caseId);
            List<DocumentView> stored = store(c.id, checked, kind, tag, user.id(), true);
            audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, stored.size() + " documents");
            return new StoredResponse(201, null, idempotency.toJson(new Page<>(stored, stored.size())));
        });
    }

    @Transactional
    public Page<DocumentView> listForPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        Set<CaseEvent.Kind> happened = happened(c.id);
        List<DocumentView> visible = Document.of(c.id).stream().filter(d -> visibleToPhysician(d, happened))
                .map(DocumentView::of).toList();
        audit.record(AuditAction.DOCUMENTS_LISTED, c.id);
        return new Page<>(visible, visible.size());
    }

    @Transactional
    public Download downloadForPhysician(UUID caseId, UUID documentId) {
        PatientCase c = access.ownCase(caseId);
        Document d = Document.inCase(c.id, documentId).filter(doc -> visibleToPhysician(doc, happened(c.id)))
                .orElseThrow(() -> ProblemException.notFound("Document"));
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, c.id, "document " + d.id);
        return open(d);
    }

    @Transactional
    public Page<DocumentView> listForStaff(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        List<DocumentView> all = Document.of(c.id).stream().map(DocumentView::of).toList();
        audit.record(AuditAction.DOCUMENTS_LISTED, c.id);
        return new Page<>(all, all.size());
    }

    @Transactional
    public Download downloadForStaff(UUID caseId, UUID documentId) {
        access.staffCase(caseId);
        Document d = Document.inCase(caseId, documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, caseId, "document " + d.id);
        return open(d);
    }

    /**
     * A paper the service wrote itself (an estimate, a visa letter), stored with the case's documents in the caller's
     * transaction; {@code sealed} stores it encrypted, for papers that name identifiers such as passport numbers.
     * The caller audits the action that made it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Document storeGenerated(UUID caseId, DocumentKind kind, String fileName, String contentType, byte[] content,
            String language, boolean sealed) {
        String stored;
        String contentKey = null;
        byte[] bytes = content;
        if (sealed) {
            ContentCipher.Sealed encrypted = cipher.encrypt(content);
            bytes = encrypted.content();
            contentKey = encrypted.sealedKey();
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            stored = storage.store(in, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a document", e);
        }
        forgetIfRolledBack(stored);
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.caseId = caseId;
        d.kind = kind;
        d.fileName = fileName;
        d.contentType = contentType;
        d.sizeBytes = content.length;
        d.sha256 = sha256(content);
        d.language = language;
        d.storageKey = stored;
        d.uploadedBy = user.id();
        d.uploadedByStaff = true;
        d.uploadedAt = Instant.now(clock);
        d.position = (int) Document.count("caseId", caseId) + 1;
        d.contentKey = contentKey;
        d.persist();
        return d;
    }

    /** The document's content key sealed under the current data key, when it was sealed under an older one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resealContentKeys() {
        int changed = 0;
        for (Document d : Document.<Document>list("contentKey is not null")) {
            if (!cipher.isCurrent(d.contentKey)) {
                d.contentKey = cipher.resealKey(d.contentKey);
                changed++;
            }
        }
        return changed;
    }

    /** An upload's file after its checks: where it is, what it is, its digest. */
    private record Checked(Path path, String fileName, String contentType, long size, String sha256) {
    }

    private List<Checked> check(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ProblemException.badField("file", "attach at least one file, as a multipart part named file");
        }
        if (files.size() > config.maxFilesPerUpload()) {
            throw ProblemException.badField("file", "at most " + config.maxFilesPerUpload()
                    + " files in one upload; send the rest in another");
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            checked.add(check(files.get(i), "file[" + i + "]"));
        }
        return checked;
    }

    private Checked check(FileUpload upload, String field) {
        String name = FileNames.check(upload.fileName())
                .orElseThrow(() -> ProblemException.badField(field, "the file name must be a plain name of at most "
                        + "255 characters, without folders or control characters"));
        try {
            Path path = upload.uploadedFile();
            long size = Files.size(path);
            if (size == 0) {
                throw ProblemException.badField(field, name + " is empty");
            }
            if (size > config.maxFileSize()) {
                throw ProblemException.of(413, "File too large", field, name + " is larger than the limit of "
                        + config.maxFileSize() / (1024 * 1024) + " MB");
            }
            String detected = ContentCheck.detect(path);
            if (detected == null) {
                throw ProblemException.of(415, "Unsupported file type", field,
                        name + " is not a PDF, JPEG, PNG, DICOM or plain-text file");
            }
            String declared = ContentCheck.declared(upload.contentType());
            if (declared != null && !declared.equals(detected)) {
                throw ProblemException.of(415, "File type does not match its content", field,
                        name + " was sent as " + declared + " but its content is " + detected);
            }
            if (detected.equals(ContentCheck.TEXT) && !ContentCheck.isUtf8(path)) {
                throw ProblemException.of(415, "Unsupported text encoding", field, name + " is not valid UTF-8 text");
            }
            return new Checked(path, name, detected, size, sha256(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded file", e);
        }
    }

    private List<DocumentView> store(UUID caseId, List<Checked> files, DocumentKind kind, String language,
            String uploader, boolean staff) {
        List<DocumentView> stored = new ArrayList<>();
        int position = (int) Document.count("caseId", caseId);
        for (Checked file : files) {
            String key;
            try (InputStream in = Files.newInputStream(file.path())) {
                key = storage.store(in, file.size());
            } catch (IOException e) {
                throw new UncheckedIOException("could not store a document", e);
            }
            forgetIfRolledBack(key);
            Document d = new Document();
            d.id = UUID.randomUUID();
            d.caseId = caseId;
            d.kind = kind;
            d.fileName = file.fileName();
            d.contentType = file.contentType();
            d.sizeBytes = file.size();
            d.sha256 = file.sha256();
            d.language = language;
            d.storageKey = key;
            d.uploadedBy = uploader;
            d.uploadedByStaff = staff;
            d.uploadedAt = Instant.now(clock);
            d.position = ++position;
            d.persist();
            stored.add(DocumentView.of(d));
        }
        return stored;
    }

    /** Content stored for a transaction that then rolls back is removed again: nothing is half-stored. */
    private void forgetIfRolledBack(String key) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare: content is already durable, only its removal may be needed
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("Could not remove content %s of a rolled-back upload: %s", key, e.getClass().getSimpleName());
                    }
                }
            }
        });
    }

    private Download open(Document d) {
        try {
            if (d.contentKey != null) {
                byte[] encrypted;
                try (InputStream in = storage.open(d.storageKey)) {
                    encrypted = in.readAllBytes();
                }
                return new Download(d, new ByteArrayInputStream(cipher.decrypt(encrypted, d.contentKey)));
            }
            return new Download(d, storage.open(d.storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException("stored content of document " + d.id + " cannot be read", e);
        }
    }


    private static Set<CaseEvent.Kind> happened(UUID caseId) {
        return CaseEvent.of(caseId).stream().map(e -> e.kind).collect(Collectors.toSet());
    }

    private static boolean visibleToPhysician(Document d, Set<CaseEvent.Kind> happened) {
        return d.kind.releasedBy().map(happened::contains).orElse(true);
    }

    private static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        if (!new LanguageTag.Validator().isValid(tag, null)) {
            throw ProblemException.badField("language", "must be a BCP 47 language tag, such as en, es or ar");
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static String fingerprint(UUID caseId, DocumentKind kind, String language, List<Checked> files) {
        return caseId + "|" + kind + "|" + language + "|" + files.stream().map(f -> f.fileName() + ":" + f.sha256())
                .collect(Collectors.joining(","));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String sha256(Path path) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
