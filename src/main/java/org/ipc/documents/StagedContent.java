package org.ipc.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * Document content stored before the transaction that writes its rows: a large file (imaging, up to 2 GB) takes as
 * long as the store needs, outside any transaction and without holding a database connection. The transaction
 * that writes the rows {@linkplain #adopt adopts} the content; content that no committed transaction adopted (the
 * transaction rolled back, or none adopted it) is removed. So a
 * committed row always has its content, and nothing is half-stored; a crash in between can leave an orphan object,
 * never a row without content.
 */
final class StagedContent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StagedContent.class);

    /** One file to store: where it is on disk, its size and its SHA-256 as checked. */
    record File(Path path, long size, String sha256) {
    }

    private final DocumentStorage storage;
    private final List<String> keys = new ArrayList<>();
    private volatile boolean adopted;
    private boolean removed;

    private StagedContent(DocumentStorage storage) {
        this.storage = storage;
    }

    /** Stores every file, or none: content already stored is removed again when one fails. */
    static StagedContent stage(DocumentStorage storage, List<File> files) {
        StagedContent staged = new StagedContent(storage);
        try {
            for (File file : files) {
                staged.keys.add(storage.store(file.path(), file.size(), file.sha256()));
            }
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e instanceof IOException io ? new UncheckedIOException("could not store a document", io)
                    : (RuntimeException) e;
        }
        return staged;
    }

    /** Stores content the service made itself (a paper of some kilobytes, held in memory). */
    static StagedContent stage(DocumentStorage storage, byte[] content) {
        StagedContent staged = new StagedContent(storage);
        try {
            staged.keys.add(storage.store(new java.io.ByteArrayInputStream(content), content.length));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a document", e);
        }
        return staged;
    }

    /** The storage key of the i-th file. */
    String key(int i) {
        return keys.get(i);
    }

    /**
     * The running transaction writes the rows of this content: it is kept if that transaction commits and removed if
     * it does not, whenever that turns out (the transaction may be a caller's, such as an idempotent request's, that
     * completes after this content is closed).
     */
    void adopt(TransactionSynchronizationRegistry transaction) {
        adopted = true;
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the content is durable already; only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    removeAll();
                }
            }
        });
    }

    /** Removes the content unless a transaction adopted it (that transaction's outcome decides then). */
    @Override
    public void close() {
        if (!adopted) {
            removeAll();
        }
    }

    private synchronized void removeAll() {
        if (removed) {
            return;
        }
        removed = true;
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not remove content %s that no document kept (%s); docs/operations.md lists orphans",
                        key, e.getClass().getSimpleName());
            }
        }
    }
}
