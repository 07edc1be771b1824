package org.ipc.documents;

import java.io.IOException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/** Chooses the document storage from {@code ipc.documents.storage}. */
public class StorageProducer {

    @Produces
    @Singleton
    DocumentStorage storage(DocumentsConfig config, AgroalDataSource dataSource) throws IOException {
        return switch (config.storage()) {
            case "directory" -> new DirectoryStorage(config.directory());
            case "database" -> new DatabaseStorage(dataSource);
            default -> throw new IllegalArgumentException(
                    "ipc.documents.storage must be directory or database, not " + config.storage());
        };
    }
}
