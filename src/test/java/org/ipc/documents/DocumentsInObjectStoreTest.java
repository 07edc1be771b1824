package org.ipc.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.testing.Portal;
import org.ipc.testing.S3Resource;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's documents live in the S3-compatible store (as configured for every test, like production): an
 * upload is one object under the document's storage key, written before its row commits, and an object written for a
 * transaction that rolls back is removed again.
 */
@QuarkusTest
class DocumentsInObjectStoreTest {

    @Inject
    DocumentStorage storage;

    @Inject
    TransactionalContent content;

    @Test
    void theServiceStoresDocumentsInTheObjectStore() {
        assertThat(storage).isInstanceOf(S3Storage.class);
    }

    @Test
    void anUploadIsOneObjectUnderItsStorageKeyAndDownloadsIdentical() {
        String caseId = Portal.submit("physician");
        byte[] pdf = SampleFiles.pdf();
        String docId = given().auth().oauth2(Tokens.of("physician")).multiPart("file", "report.pdf", pdf, "application/pdf")
                .post("/api/portal/cases/" + caseId + "/documents").then().statusCode(201)
                .extract().path("items[0].id");
        String key = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(UUID.fromString(docId)).storageKey);

        assertThat(S3Resource.server().objectKeys()).contains(key);
        assertThat(S3Resource.server().bucketFolder().resolve(key)).hasBinaryContent(pdf);
        byte[] downloaded = given().auth().oauth2(Tokens.of("physician"))
                .get("/api/portal/cases/" + caseId + "/documents/" + docId).then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(pdf);
    }

    @Test
    void anObjectWrittenForATransactionThatRollsBackIsRemoved() throws Exception {
        Path file = Files.write(Files.createTempFile(Path.of("target"), "rollback", ".pdf"), SampleFiles.pdf());
        String sha256 = Checksums.sha256(file);
        long size = Files.size(file);
        String[] key = new String[1];

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            key[0] = content.store(file, size, sha256);
            assertThat(S3Resource.server().objectKeys()).as("written before the row commits").contains(key[0]);
            throw new IllegalStateException("the document's row could not be written");
        })).hasMessageContaining("could not be written");

        assertThat(key[0]).isNotNull();
        assertThat(S3Resource.server().objectKeys()).doesNotContain(key[0]);
    }
}
