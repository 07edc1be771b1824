package org.ipc.documents;

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
import org.ipc.common.SealedValueRefusedException;
import org.ipc.access.CaseAction;
import org.ipc.access.Reach;
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

    /**
     * Hospital staff attach a document people write (an opinion letter, a translation, records that came another
     * way), of a kind whose part of the case they see; papers the service makes (estimates, visa letters) are made
     * only by the service ({@link #storeGenerated}).
     */
    public Page<DocumentView> uploadAsStaff(UUID caseId, List<UploadedFile> files, String kindText, String language) {
        List<Checked> checked = check(files);
        if (kindText == null) {
            throw InvalidInputException.field("kind", "is required: say what the document is");
        }
        DocumentKind kind = Enums.parse(DocumentKind.class, "kind", kindText);
        if (kind.generated()) {
            throw InvalidInputException.field("kind", kind.name() + " papers are made by the service itself; staff "
                    + "upload " + DocumentKind.staffKinds());
        }
        String tag = language(language);
        QuarkusTransaction.requiringNew().run(() -> staffUploadCase(caseId, kind));
        try (StagedContent content = stage(checked)) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                PatientCase c = staffUploadCase(caseId, kind);
                List<DocumentView> stored = store(c.id, checked, content, kind, tag, user.id(), true);
                audit.record(AuditAction.DOCUMENT_UPLOADED, c.id, stored.size() + " documents");
                return new Page<>(stored, stored.size());
            });
        }
    }

    /** The case a staff member adds a document of {@code kind} to: they may upload, and see the kind's part. */
    private PatientCase staffUploadCase(UUID caseId, DocumentKind kind) {
        PatientCase c = access.staffCase(caseId, CaseAction.UPLOAD_DOCUMENT);
        if (!access.reach(c).sees(kind.part())) {
            throw InvalidInputException.field("kind", "your role does not see " + kind.name() + " documents");
        }
        return c;
    }

    @Transactional
    public Page<DocumentView> listForPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        Reach reach = access.ownerReach();
        Set<CaseEvent.Kind> happened = happened(c.id);
        List<DocumentView> visible = Document.of(c.id).stream().filter(d -> visibleToPhysician(d, reach, happened))
                .map(DocumentView::of).toList();
        audit.record(AuditAction.DOCUMENTS_LISTED, c.id);
        return new Page<>(visible, visible.size());
    }

    @Transactional
    public Download downloadForPhysician(UUID caseId, UUID documentId) {
        PatientCase c = access.ownCase(caseId);
        Reach reach = access.ownerReach();
        Document d = Document.inCase(c.id, documentId).filter(doc -> visibleToPhysician(doc, reach, happened(c.id)))
                .orElseThrow(() -> new NotFoundException("Document"));
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, c.id, "document " + d.id);
        return open(d);
    }

    /** The case's documents of the kinds whose part of the case the staff member sees (by the access policy). */
    @Transactional
    public Page<DocumentView> listForStaff(UUID caseId) {
        PatientCase c = access.reachedCase(caseId);
        Reach reach = access.reach(c);
        List<DocumentView> visible = Document.of(c.id).stream().filter(d -> reach.sees(d.kind.part()))
                .map(DocumentView::of).toList();
        audit.record(AuditAction.DOCUMENTS_LISTED, c.id);
        return new Page<>(visible, visible.size());
    }

    /** One document, when its kind belongs to a part of the case the staff member sees; any other is not found. */
    @Transactional
    public Download downloadForStaff(UUID caseId, UUID documentId) {
        PatientCase c = access.reachedCase(caseId);
        Reach reach = access.reach(c);
        Document d = Document.inCase(c.id, documentId).filter(doc -> reach.sees(doc.kind.part()))
                .orElseThrow(() -> new NotFoundException("Document"));
        audit.record(AuditAction.DOCUMENT_DOWNLOADED, c.id, "document " + d.id);
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
        if (!kind.generated()) {
            throw new IllegalArgumentException(kind + " is uploaded by people, not made by the service");
        }
        UUID id = UUID.randomUUID();
        String contentKey = null;
        byte[] bytes = content;
        if (sealed) {
            ContentCipher.Sealed encrypted = cipher.encrypt(Document.keyBinding(id), content);
            bytes = encrypted.content();
            contentKey = encrypted.sealedKey();
        }
        StagedContent staged = StagedContent.stage(storage, bytes);
        staged.adopt(transactions);
        String stored = staged.key(0);
        Document d = new Document();
        d.id = id;
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

    /**
     * Every sealed document key checked against its row and sealed under the current data key, bound to its row,
     * when it was not; answers how many changed. A key that does not open for its row stays as it is and is added
     * to {@code refused} ("document <id> content_key").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resealContentKeys(List<String> refused) {
        int changed = 0;
        for (Document d : Document.<Document>list("contentKey is not null")) {
            try {
                String resealed = cipher.resealKey(Document.keyBinding(d.id), d.contentKey);
                if (!resealed.equals(d.contentKey)) {
                    d.contentKey = resealed;
                    changed++;
                }
            } catch (SealedValueRefusedException e) {
                refused.add(e.where());
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
                return new Download(d, new ByteArrayInputStream(cipher.decrypt(Document.keyBinding(d.id), encrypted,
                        d.contentKey)));
            }
            return new Download(d, storage.open(d.storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException("stored content of document " + d.id + " cannot be read", e);
        }
    }


    private static Set<CaseEvent.Kind> happened(UUID caseId) {
        return CaseEvent.of(caseId).stream().map(e -> e.kind).collect(Collectors.toSet());
    }

    private static boolean visibleToPhysician(Document d, Reach reach, Set<CaseEvent.Kind> happened) {
        return reach.sees(d.kind.part()) && d.kind.releasedBy().map(happened::contains).orElse(true);
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
