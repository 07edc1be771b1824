package org.ipc.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Document content stored for the running transaction: written before the document's row (so a committed row
 * always has its content), and removed again when the transaction rolls back, so nothing is half-stored. A crash
 * between the two can leave an orphan object or file, never a row without content.
 */
@ApplicationScoped
class TransactionalContent {

    private static final Logger LOG = Logger.getLogger(TransactionalContent.class);

    @Inject
    DocumentStorage storage;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Stores the checked file and answers its storage key; refuses content whose SHA-256 is not {@code sha256}. */
    @Transactional(Transactional.TxType.MANDATORY)
    String store(Path file, long size, String sha256) {
        String key;
        try {
            key = storage.store(file, size, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a document", e);
        }
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
                        LOG.warnf("Could not remove content %s of a rolled-back upload (%s); the runbook's orphan "
                                + "sweep removes it", key, e.getClass().getSimpleName());
                    }
                }
            }
        });
        return key;
    }
}
