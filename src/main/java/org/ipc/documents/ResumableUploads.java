package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.ipc.cases.CaseAccess;
import org.ipc.cases.PatientCase;
import org.ipc.common.ConflictException;
import org.ipc.common.DomainException;
import org.ipc.common.Enums;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.common.QuotaExceededException;
import org.ipc.common.RejectedContentException;
import org.ipc.security.CurrentUser;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Resumable uploads (the tus protocol's model, without its HTTP): a physician announces a file of a known length,
 * sends its bytes in as many pieces as the connection allows, each continuing at the offset the service recorded,
 * and the assembled file becomes a case document through {@link DocumentService}, with the same checks as a
 * multipart upload. The state lives in the database (every replica sees it); the bytes in a file per upload in the
 * shared uploads directory, written as they arrive, a buffer at a time, never held whole. A writer claims the upload
 * with a lease for as long as it writes, so two requests never append at once; a piece cut off part-way keeps the
 * bytes that arrived, and the next request continues from there. Abandoned uploads are swept away.
 */
@ApplicationScoped
public class ResumableUploads {

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class);
    private static final int BUFFER = 64 * 1024;
    /** Assembling a large file (checks, digest, storage) may take minutes; the lease covers it. */
    private static final Duration ASSEMBLY_LEASE = Duration.ofHours(1);

    /** A new upload: where it is and until when it is kept untouched. */
    public record Created(UUID id, Instant expires) {
    }

    /** Where an upload stands; {@code document} once it was assembled and stored. */
    public record Progress(long offset, long length, Instant expires, Optional<DocumentView> document) {
    }

    /** The digest a client sent for one piece ({@code sha1}, {@code sha256} or {@code md5}) and its value. */
    public record Checksum(String algorithm, byte[] expected) {

        public static final List<String> ALGORITHMS = List.of("sha1", "sha256", "md5");

        MessageDigest digest() {
            try {
                return MessageDigest.getInstance(switch (algorithm) {
                    case "sha1" -> "SHA-1";
                    case "sha256" -> "SHA-256";
                    default -> "MD5";
                });
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is part of every JDK", e);
            }
        }
    }

    /** A piece whose bytes did not have the digest the client sent: nothing of it was kept. */
    public static class ChecksumMismatchException extends DomainException {

        public ChecksumMismatchException(String algorithm) {
            super("The bytes received do not have the " + algorithm + " checksum sent in Upload-Checksum; nothing of "
                    + "this piece was kept, send it again");
        }
    }

    @Inject
    UploadsConfig config;

    @Inject
    DocumentService documents;

    @Inject
    CaseAccess access;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /**
     * Announces a file of {@code length} bytes for the physician's own case. Metadata: {@code filename} (required),
     * {@code filetype}, {@code kind} (of the records a physician uploads), {@code language}.
     */
    public Created create(UUID caseId, long length, Map<String, String> metadata) {
        if (length <= 0) {
            throw InvalidInputException.field("Upload-Length", "must be the file's size in bytes, more than 0");
        }
        if (length > config.maxSize()) {
            throw new RejectedContentException(RejectedContentException.Reason.TOO_LARGE, "File too large",
                    "Upload-Length", "is larger than the limit of " + config.maxSize() / (1024 * 1024) + " MB");
        }
        String fileName = FileNames.check(metadata.get("filename")).orElseThrow(() -> InvalidInputException.field(
                "Upload-Metadata.filename", "give the file's name (base64): a plain name of at most 255 characters, "
                        + "without folders or control characters"));
        DocumentKind kind = metadata.get("kind") == null ? DocumentKind.MEDICAL_RECORD
                : Enums.parse(DocumentKind.class, "Upload-Metadata.kind", metadata.get("kind"));
        if (!kind.physicianMayUpload()) {
            throw InvalidInputException.field("Upload-Metadata.kind", "physicians upload records: MEDICAL_RECORD, "
                    + "IMAGING, IMAGING_REPORT, PATHOLOGY_REPORT, LAB_RESULT or OTHER");
        }
        String language;
        try {
            language = DocumentService.language(metadata.get("language"));
        } catch (InvalidInputException e) {
            throw InvalidInputException.field("Upload-Metadata.language", e.errors().get(0).message());
        }
        String type = metadata.get("filetype");
        String declared = type == null || type.isBlank() ? null : type.strip();
        if (declared != null && (declared.length() > 100 || !declared.matches("[\\w.+-]+/[\\w.+-]+"))) {
            throw InvalidInputException.field("Upload-Metadata.filetype", "must be a media type such as application/pdf");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            PatientCase c = access.ownCase(caseId);
            // one announcement of a physician at a time, so that two at once cannot both fit the last room
            ResumableUpload.getEntityManager().lock(c.physician, LockModeType.PESSIMISTIC_WRITE);
            checkQuotas(c.id, length);
            ResumableUpload u = new ResumableUpload();
            u.id = UUID.randomUUID();
            u.caseId = caseId;
            u.physicianSubject = user.id();
            u.fileName = fileName;
            u.declaredType = declared;
            u.kind = kind;
            u.language = language;
            u.length = length;
            u.offset = 0;
            u.createdAt = Instant.now(clock);
            u.updatedAt = u.createdAt;
            u.persist();
            return new Created(u.id, u.updatedAt.plus(config.expireAfter()));
        });
    }

    /** Where the physician's own upload stands; anyone else's, or one swept away, is not found. */
    public Progress progress(UUID caseId, UUID uploadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ResumableUpload u = own(caseId, uploadId);
            return progressOf(u, Optional.ofNullable(u.documentId).flatMap(d -> documentView(caseId, d)));
        });
    }

    /**
     * Appends the piece {@code body} at {@code offset}, which must be where the upload stands (else a conflict: the
     * client asks where it stands and continues from there). The bytes are written as they arrive; when the
     * connection breaks, what arrived is kept (a piece with a checksum is kept only whole and matching). When the
     * last byte has arrived, the file is checked and becomes a case document.
     */
    public Progress append(UUID caseId, UUID uploadId, long offset, InputStream body, Checksum checksum) {
        UUID lease = UUID.randomUUID();
        ResumableUpload u = QuarkusTransaction.requiringNew().call(() -> claim(caseId, uploadId, offset, lease));
        boolean assembling = false;
        try {
            long reached = write(u, offset, body, checksum, lease);
            if (reached == offset && reached < u.length) {
                // no byte arrived: not progress, so the upload's clock is not wound back (the sweep still takes it)
                return progressOf(u, Optional.empty());
            }
            if (reached < u.length) {
                return QuarkusTransaction.requiringNew().call(() -> progressOf(record(uploadId, lease, reached, null),
                        Optional.empty()));
            }
            assembling = true;
            return assemble(u, lease);
        } finally {
            if (!assembling) {
                QuarkusTransaction.requiringNew().run(() -> release(uploadId, lease));
            }
        }
    }

    /** The physician gives an upload up: its row and bytes go. */
    public void terminate(UUID caseId, UUID uploadId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ResumableUpload u = own(caseId, uploadId);
            if (u.leaseUntil != null && u.leaseUntil.isAfter(Instant.now(clock))) {
                throw new ConflictException("A piece of this upload is being received right now; try again when "
                        + "it has arrived");
            }
            u.delete();
        });
        deleteBytes(uploadId);
    }

    /**
     * Removes uploads untouched for {@code ipc.uploads.expire-after} and not being written. Several replicas may
     * sweep at once: each row is deleted by one of them, and only that one removes its bytes.
     */
    @Scheduled(every = "${ipc.uploads.sweep-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() {
        sweep();
    }

    /** One sweep; answers how many uploads it removed. */
    public int sweep() {
        Instant now = Instant.now(clock);
        Instant cutoff = now.minus(config.expireAfter());
        List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> ResumableUpload.getEntityManager()
                .createQuery("select u.id from ResumableUpload u where u.updatedAt < :cutoff "
                        + "and (u.leaseUntil is null or u.leaseUntil < :now)", UUID.class)
                .setParameter("cutoff", cutoff).setParameter("now", now).setMaxResults(1000).getResultList());
        int removed = 0;
        for (UUID id : stale) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> ResumableUpload.getEntityManager()
                    .createQuery("delete from ResumableUpload u where u.id = :id and u.updatedAt < :cutoff "
                            + "and (u.leaseUntil is null or u.leaseUntil < :now)")
                    .setParameter("id", id).setParameter("cutoff", cutoff).setParameter("now", now).executeUpdate());
            if (deleted == 1) {
                deleteBytes(id);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d abandoned resumable uploads", removed);
        }
        return removed;
    }

    /**
     * Refuses an upload that would take the physician or the case past their quota of open uploads (count, and the
     * bytes announced), naming the limit by its setting.
     */
    private void checkQuotas(UUID caseId, long length) {
        UploadsConfig.Quota quota = config.quota();
        Object[] mine = ResumableUpload.getEntityManager().createQuery("select count(u), coalesce(sum(u.length), 0) "
                + "from ResumableUpload u where u.physicianSubject = :me and u.documentId is null", Object[].class)
                .setParameter("me", user.id()).getSingleResult();
        Object[] ofCase = ResumableUpload.getEntityManager().createQuery("select count(u), coalesce(sum(u.length), 0) "
                + "from ResumableUpload u where u.caseId = :caseId and u.documentId is null", Object[].class)
                .setParameter("caseId", caseId).getSingleResult();
        if (((Number) ofCase[0]).longValue() >= quota.openPerCase()) {
            throw new QuotaExceededException("ipc.uploads.quota.open-per-case", quota.openPerCase() + " uploads of "
                    + "this case are open, the most one case may have; finish one, or give it up (DELETE its "
                    + "Location), first");
        }
        if (((Number) mine[0]).longValue() >= quota.openPerPhysician()) {
            throw new QuotaExceededException("ipc.uploads.quota.open-per-physician", "you have "
                    + quota.openPerPhysician() + " uploads open, the most one physician may have; finish one, or "
                    + "give it up (DELETE its Location), first");
        }
        if (((Number) ofCase[1]).longValue() + length > quota.bytesPerCase()) {
            throw new QuotaExceededException("ipc.uploads.quota.bytes-per-case", "this case's open uploads "
                    + "announce " + size(((Number) ofCase[1]).longValue()) + "; with this one they would pass the "
                    + size(quota.bytesPerCase()) + " one case may hold; finish or give up one first");
        }
        if (((Number) mine[1]).longValue() + length > quota.bytesPerPhysician()) {
            throw new QuotaExceededException("ipc.uploads.quota.bytes-per-physician", "your open uploads announce "
                    + size(((Number) mine[1]).longValue()) + "; with this one they would pass the "
                    + size(quota.bytesPerPhysician()) + " one physician may hold; finish or give up one first");
        }
    }

    /** 4 GiB, 512 MiB, 1,000 bytes: a size as people read it. */
    static String size(long bytes) {
        long gib = 1024L * 1024 * 1024;
        long mib = 1024L * 1024;
        if (bytes >= gib) {
            return bytes % gib == 0 ? bytes / gib + " GiB"
                    : String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) gib);
        }
        return bytes >= mib ? bytes / mib + " MiB" : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
    }

    /** The file holding an upload's bytes so far. */
    Path fileOf(UUID uploadId) {
        return config.directory().resolve(uploadId.toString());
    }

    private ResumableUpload claim(UUID caseId, UUID uploadId, long offset, UUID lease) {
        ResumableUpload u = own(caseId, uploadId);
        if (u.documentId != null) {
            throw new ConflictException("This upload is complete: it is document " + u.documentId);
        }
        if (u.offset != offset) {
            throw new ConflictException("Upload-Offset is " + offset + " but the upload stands at " + u.offset
                    + "; ask with HEAD and continue from there");
        }
        Instant now = Instant.now(clock);
        int claimed = ResumableUpload.getEntityManager().createQuery("update ResumableUpload u set u.leaseToken = "
                + ":lease, u.leaseUntil = :until where u.id = :id and u.offset = :offset "
                + "and (u.leaseUntil is null or u.leaseUntil < :now)")
                .setParameter("lease", lease).setParameter("until", now.plus(config.lease()))
                .setParameter("id", uploadId).setParameter("offset", offset).setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            throw new ConflictException("Another piece of this upload is being received right now; ask with HEAD "
                    + "where it stands once that one has arrived");
        }
        return u;
    }

    /** Writes the piece after the recorded offset; answers the offset reached. */
    private long write(ResumableUpload u, long offset, InputStream body, Checksum checksum, UUID lease) {
        Path file = fileOf(u.id);
        MessageDigest digest = checksum == null ? null : checksum.digest();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // bytes past the recorded offset came from a request that ended before it could record them
                out.truncate(offset);
                out.position(offset);
                long room = u.length - offset;
                long renewed = System.nanoTime();
                boolean cut = false;
                byte[] buffer = new byte[BUFFER];
                while (true) {
                    int n;
                    try {
                        n = body.read(buffer);
                    } catch (IOException connectionLost) {
                        LOG.debugf("Upload %s: the connection broke at %d bytes (%s)", u.id, out.position(),
                                connectionLost.getClass().getSimpleName());
                        cut = true;
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    if (n > room) {
                        out.truncate(offset);
                        throw InvalidInputException.field("Upload-Length", "the upload was announced with "
                                + u.length + " bytes; this piece goes beyond them");
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    if (digest != null) {
                        digest.update(buffer, 0, n);
                    }
                    room -= n;
                    if (System.nanoTime() - renewed > config.lease().toNanos() / 3) {
                        renew(u.id, lease);
                        renewed = System.nanoTime();
                    }
                }
                if (digest != null && (cut || !MessageDigest.isEqual(digest.digest(), checksum.expected()))) {
                    out.truncate(offset);
                    if (!cut) {
                        throw new ChecksumMismatchException(checksum.algorithm());
                    }
                    return offset;
                }
                out.force(false);
                return out.position();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the upload's file", e);
        }
    }

    /** The last byte arrived: the file becomes a case document, or is refused by the checks and removed. */
    private Progress assemble(ResumableUpload u, UUID lease) {
        QuarkusTransaction.requiringNew().run(() -> {
            record(u.id, lease, u.length, null);
            ResumableUpload.getEntityManager().createQuery("update ResumableUpload u set u.leaseToken = :lease, "
                    + "u.leaseUntil = :until where u.id = :id")
                    .setParameter("lease", lease).setParameter("until", Instant.now(clock).plus(ASSEMBLY_LEASE))
                    .setParameter("id", u.id).executeUpdate();
        });
        DocumentView document;
        try {
            document = documents.uploadAssembledAsPhysician(u.caseId,
                    new UploadedFile(fileOf(u.id), u.fileName, u.declaredType), u.kind, u.language, config.maxSize());
        } catch (DomainException refused) {
            // refused for what it is (type, encoding, name): the physician sends another file
            QuarkusTransaction.requiringNew().run(() -> ResumableUpload.deleteById(u.id));
            deleteBytes(u.id);
            throw refused;
        } catch (RuntimeException e) {
            // the storage failed: the bytes stay, and a PATCH with no more bytes at the full offset tries again
            QuarkusTransaction.requiringNew().run(() -> release(u.id, lease));
            throw e;
        }
        ResumableUpload done = QuarkusTransaction.requiringNew().call(() -> record(u.id, lease, u.length, document.id()));
        deleteBytes(u.id);
        return progressOf(done, Optional.of(document));
    }

    private ResumableUpload record(UUID uploadId, UUID lease, long offset, UUID documentId) {
        ResumableUpload u = ResumableUpload.<ResumableUpload>findByIdOptional(uploadId)
                .filter(found -> lease.equals(found.leaseToken))
                .orElseThrow(() -> new ConflictException("The upload was removed while this piece arrived"));
        u.offset = offset;
        u.updatedAt = Instant.now(clock);
        if (documentId != null) {
            u.documentId = documentId;
            u.leaseToken = null;
            u.leaseUntil = null;
        }
        return u;
    }

    private void renew(UUID uploadId, UUID lease) {
        QuarkusTransaction.requiringNew().run(() -> ResumableUpload.getEntityManager().createQuery(
                "update ResumableUpload u set u.leaseUntil = :until where u.id = :id and u.leaseToken = :lease")
                .setParameter("until", Instant.now(clock).plus(config.lease())).setParameter("id", uploadId)
                .setParameter("lease", lease).executeUpdate());
    }

    private void release(UUID uploadId, UUID lease) {
        ResumableUpload.getEntityManager().createQuery("update ResumableUpload u set u.leaseToken = null, "
                + "u.leaseUntil = null where u.id = :id and u.leaseToken = :lease")
                .setParameter("id", uploadId).setParameter("lease", lease).executeUpdate();
    }

    private ResumableUpload own(UUID caseId, UUID uploadId) {
        access.ownCase(caseId);
        String me = user.id();
        return ResumableUpload.<ResumableUpload>findByIdOptional(uploadId)
                .filter(u -> u.caseId.equals(caseId) && u.physicianSubject.equals(me))
                .orElseThrow(() -> new NotFoundException("Upload"));
    }

    private Progress progressOf(ResumableUpload u, Optional<DocumentView> document) {
        return new Progress(u.offset, u.length, u.updatedAt.plus(config.expireAfter()), document);
    }

    private static Optional<DocumentView> documentView(UUID caseId, UUID documentId) {
        return Document.inCase(caseId, documentId).map(DocumentView::of);
    }

    private void deleteBytes(UUID uploadId) {
        try {
            Files.deleteIfExists(fileOf(uploadId));
        } catch (IOException e) {
            LOG.warnf("Could not remove the bytes of upload %s (%s); the next sweep leaves them, remove by hand",
                    uploadId, e.getClass().getSimpleName());
        }
    }
}
