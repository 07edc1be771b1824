package org.ipc.documents;

import java.io.IOException;
import java.net.ConnectException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Chooses the document storage from {@code ipc.documents.storage}, at start-up: a wrong kind, or an object store
 * that refuses the service's keys or lacks its bucket, stops the start with one line naming the variable to fix.
 */
public class StorageProducer {

    @Produces
    @Singleton
    @Startup
    DocumentStorage storage(DocumentsConfig config, AgroalDataSource dataSource, Config all) throws IOException {
        StorageSettings.problems(name -> all.getOptionalValue(name, String.class)).stream().findFirst()
                .ifPresent(problem -> {
                    throw new ConfigurationException(problem);
                });
        return switch (config.storage().strip()) {
            case "directory" -> new DirectoryStorage(config.directory());
            case "database" -> new DatabaseStorage(dataSource);
            default -> connect(StorageSettings.s3(name -> all.getOptionalValue(name, String.class)));
        };
    }

    /** The store answers for the bucket with these keys, or the start stops saying which setting is wrong. */
    static S3Storage connect(StorageSettings.S3Settings settings) {
        S3Client client = S3Storage.client(settings);
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (S3Exception e) {
            client.close();
            throw new ConfigurationException(switch (e.statusCode()) {
                case 403, 400 -> "IPC_DOCUMENTS_S3_ACCESS_KEY_ID and IPC_DOCUMENTS_S3_SECRET_ACCESS_KEY: the object store at "
                        + settings.endpoint() + " refused them for bucket '" + settings.bucket() + "' (HTTP "
                        + e.statusCode() + "); give the keys of an account that may read and write it";
                case 404 -> "IPC_DOCUMENTS_S3_BUCKET: the object store at " + settings.endpoint() + " has no bucket '"
                        + settings.bucket() + "'; create it (docs/operations.md) or correct the name";
                default -> "IPC_DOCUMENTS_S3_ENDPOINT: the object store at " + settings.endpoint() + " answered HTTP "
                        + e.statusCode() + " for bucket '" + settings.bucket() + "'";
            });
        } catch (SdkClientException e) {
            client.close();
            boolean refused = org.ipc.common.Causes.find(e, ConnectException.class).isPresent();
            throw new ConfigurationException("IPC_DOCUMENTS_S3_ENDPOINT: no object store answers at "
                    + settings.endpoint() + (refused ? " (connection refused)" : " (" + e.getClass().getSimpleName() + ")")
                    + "; check the URL and that the store is running");
        }
        return new S3Storage(client, settings.bucket());
    }
}
