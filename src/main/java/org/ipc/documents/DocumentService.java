package org.ipc.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.ipc.common.Enums;
import org.ipc.common.Page;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.common.RejectedContentException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.PatientCase;
import org.ipc.crypto.ContentCipher;
import org.ipc.patients.LanguageTag;
import org.ipc.security.CurrentUser;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Case documents: checked uploads (count, size, name, type from the content, UTF-8 text), streamed into storage
 * with their SHA-256, all or nothing; listings and downloads that respect who may see what.
 */
@ApplicationScoped
public class DocumentService {

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
    CaseLifecycle lifecycle;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @Inject
    ContentCipher cipher;

    /**
     * A referring physician adds records to their own case, all or nothing; the case's timeline records that records
     * arrived, which a process waiting for them hears (workflow observes the case's events).
     */
    public Page<DocumentView> uploadAsPhysician(UUID caseId, List<UploadedFile> files, String kindText,
            String language) {
        List<Checked> checked = check(files);
        DocumentKind kind = kindText == null ? DocumentKind.MEDICAL_RECORD : Enums.parse(DocumentKind.class, "kind", kindText);
        if (!kind.physicianMayUpload()) {
            throw InvalidInputException.field("kind", "physicians upload records: MEDICAL_RECORD, IMAGING, "
                    + "IMAGING_REPORT, PATHOLOGY_REPORT, LAB_RESULT or OTHER");
        }
        String tag = language(language);
        // another physician's case answers 404 before any content is stored
        QuarkusTransaction.requiringNew().run(() -> access.ownCase(caseId));
        try (StagedContent content = stage(checked)) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                PatientCase c = access.ownCase(caseId);
                List<DocumentView> stored = store(c.id, checked, content, kind, tag, user.id(), false);
                audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, stored.size() + " documents");
                lifecycle.recordEvent(c.id, CaseEvent.Kind.RECORDS_RECEIVED, null, user.id());
                return new Page<>(stored, stored.size());
            });
        }
    }

    /**
     * A resumable upload, assembled: the same checks as a multipart upload (name, type from the content, declared
     * type, UTF-8 text, checksum) with the resumable uploads' size limit, and the same outcome: a case document,
     * audited, and records received on the case's timeline.
     */
    public DocumentView uploadAssembledAsPhysician(UUID caseId, UploadedFile file, DocumentKind kind, String language,
            long maxSize) {
        Checked checked = check(file, "file", maxSize);
        QuarkusTransaction.requiringNew().run(() -> access.ownCase(caseId));
        try (StagedContent content = stage(List.of(checked))) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                PatientCase c = access.ownCase(caseId);
                List<DocumentView> stored = store(c.id, List.of(checked), content, kind, language, user.id(), false);
                audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, "1 document (resumable upload)");
                lifecycle.recordEvent(c.id, CaseEvent.Kind.RECORDS_RECEIVED, null, user.id());
                return stored.get(0);
            });
        }
    }

    /** Hospital staff attach any kind of document (an opinion letter, an estimate, a translation). */
    public Page<DocumentView> uploadAsStaff(UUID caseId, List<UploadedFile> files, String kindText, String language) {
        List<Checked> checked = check(files);
        if (kindText == null) {
            throw InvalidInputException.field("kind", "is required: say what the document is");
        }
        DocumentKind kind = Enums.parse(DocumentKind.class, "kind", kindText);
        String tag = language(language);
        QuarkusTransaction.requiringNew().run(() -> access.staffCase(caseId));
        try (StagedContent content = stage(checked)) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                PatientCase c = access.staffCase(caseId);
                List<DocumentView> stored = store(c.id, checked, content, kind, tag, user.id(), true);
                audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, stored.size() + " documents");
                return new Page<>(stored, stored.size());
            });
        }
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
                .orElseThrow(() -> new NotFoundException("Document"));
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
        Document d = Document.inCase(caseId, documentId).orElseThrow(() -> new NotFoundException("Document"));
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, caseId, "document " + d.id);
        return open(d);
    }

    /**
     * A paper the service wrote itself (an estimate, a visa letter), stored with the case's documents in the caller's
     * transaction; {@code sealed} stores it encrypted, for papers that name identifiers such as passport numbers.
     * The caller audits the action that made it. Unlike an upload, the paper is made from the transaction's own rows,
     * so its content is stored from inside that transaction (tens of kilobytes: one short write to the store); it is
     * kept only if the transaction commits, as staged content is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Document storeGenerated(UUID caseId, DocumentKind kind, String fileName, String contentType, byte[] content,
            String language, boolean sealed) {
        String contentKey = null;
        byte[] bytes = content;
        if (sealed) {
            ContentCipher.Sealed encrypted = cipher.encrypt(content);
            bytes = encrypted.content();
            contentKey = encrypted.sealedKey();
        }
        StagedContent staged = StagedContent.stage(storage, bytes);
        staged.adopt(transactions);
        String stored = staged.key(0);
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.caseId = caseId;
        d.kind = kind;
        d.fileName = fileName;
        d.contentType = contentType;
        d.sizeBytes = content.length;
        d.sha256 = Checksums.sha256(content);
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

    private List<Checked> check(List<UploadedFile> files) {
        if (files == null || files.isEmpty()) {
            throw InvalidInputException.field("file", "attach at least one file, as a multipart part named file");
        }
        if (files.size() > config.maxFilesPerUpload()) {
            throw InvalidInputException.field("file", "at most " + config.maxFilesPerUpload()
                    + " files in one upload; send the rest in another");
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            checked.add(check(files.get(i), "file[" + i + "]", config.maxFileSize()));
        }
        return checked;
    }

    private Checked check(UploadedFile upload, String field, long maxSize) {
        String name = FileNames.check(upload.fileName())
                .orElseThrow(() -> InvalidInputException.field(field, "the file name must be a plain name of at most "
                        + "255 characters, without folders or control characters"));
        try {
            Path path = upload.path();
            long size = Files.size(path);
            if (size == 0) {
                throw InvalidInputException.field(field, name + " is empty");
            }
            if (size > maxSize) {
                throw new RejectedContentException(RejectedContentException.Reason.TOO_LARGE, "File too large", field, name + " is larger than the limit of "
                        + maxSize / (1024 * 1024) + " MB");
            }
            String detected = ContentCheck.detect(path);
            if (detected == null) {
                throw new RejectedContentException(RejectedContentException.Reason.UNSUPPORTED_TYPE, "Unsupported file type", field,
                        name + " is not a PDF, JPEG, PNG, DICOM or plain-text file");
            }
            String declared = ContentCheck.declared(upload.contentType());
            if (declared != null && !declared.equals(detected)) {
                throw new RejectedContentException(RejectedContentException.Reason.UNSUPPORTED_TYPE, "File type does not match its content", field,
                        name + " was sent as " + declared + " but its content is " + detected);
            }
            if (detected.equals(ContentCheck.TEXT) && !ContentCheck.isUtf8(path)) {
                throw new RejectedContentException(RejectedContentException.Reason.UNSUPPORTED_TYPE, "Unsupported text encoding", field, name + " is not valid UTF-8 text");
            }
            return new Checked(path, name, detected, size, Checksums.sha256(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded file", e);
        }
    }

    /** The checked files' content, stored before the transaction that writes their rows (see {@link StagedContent}). */
    private StagedContent stage(List<Checked> files) {
        return StagedContent.stage(storage,
                files.stream().map(f -> new StagedContent.File(f.path(), f.size(), f.sha256())).toList());
    }

    private List<DocumentView> store(UUID caseId, List<Checked> files, StagedContent content, DocumentKind kind,
            String language, String uploader, boolean staff) {
        content.adopt(transactions);
        List<DocumentView> stored = new ArrayList<>();
        int position = (int) Document.count("caseId", caseId);
        for (int i = 0; i < files.size(); i++) {
            Checked file = files.get(i);
            Document d = new Document();
            d.id = UUID.randomUUID();
            d.caseId = caseId;
            d.kind = kind;
            d.fileName = file.fileName();
            d.contentType = file.contentType();
            d.sizeBytes = file.size();
            d.sha256 = file.sha256();
            d.language = language;
            d.storageKey = content.key(i);
            d.uploadedBy = uploader;
            d.uploadedByStaff = staff;
            d.uploadedAt = Instant.now(clock);
            d.position = ++position;
            d.persist();
            stored.add(DocumentView.of(d));
        }
        return stored;
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

    /** A BCP 47 tag as stored, or null; a malformed one is refused naming {@code language}. */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        if (!new LanguageTag.Validator().isValid(tag, null)) {
            throw InvalidInputException.field("language", "must be a BCP 47 language tag, such as en, es or ar");
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }
}
