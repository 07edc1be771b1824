package org.ipc.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.ipc.testing.SampleFiles;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Both storages keep bytes exactly, and the database one commits or rolls back with its transaction. */
@QuarkusTest
class StorageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void directoryStorageRoundTripsAndDeletes() throws IOException {
        DocumentStorage storage = new DirectoryStorage(Path.of("target", "storage-test"));
        byte[] content = SampleFiles.dicom();
        String key = storage.store(new ByteArrayInputStream(content), content.length);
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage.delete(key);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> storage.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void databaseStorageRoundTripsInsideItsTransaction() {
        DocumentStorage storage = new DatabaseStorage(dataSource);
        byte[] content = SampleFiles.pdf();
        String kept = QuarkusTransaction.requiringNew().call(
                () -> storage.store(new ByteArrayInputStream(content), content.length));
        byte[] read = QuarkusTransaction.requiringNew().call(() -> {
            try (InputStream in = storage.open(kept)) {
                return in.readAllBytes();
            }
        });
        assertThat(read).isEqualTo(content);

        String[] rolledBack = new String[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try {
                rolledBack[0] = storage.store(new ByteArrayInputStream(content), content.length);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the metadata failed after the content was written");
        })).hasMessageContaining("metadata failed");
        assertThat(rolledBack[0]).isNotNull();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> storage.open(rolledBack[0])))
                .hasRootCauseInstanceOf(IOException.class);
    }
}
