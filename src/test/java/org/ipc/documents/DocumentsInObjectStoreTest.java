package org.ipc.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.ipc.testing.Portal;
import org.ipc.testing.S3Resource;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's documents live in the S3-compatible store (as configured for every test, like production): an
 * upload is one object under the document's storage key, written before the transaction of its row (so a large file
 * never holds a transaction open), kept when that commits and removed when it rolls back or is not needed.
 */
@QuarkusTest
class DocumentsInObjectStoreTest {

    @Inject
    DocumentStorage storage;

    @Inject
    TransactionSynchronizationRegistry transactions;

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
    void contentIsStoredBeforeItsTransactionAndRemovedWhenThatRollsBack() throws Exception {
        Path file = Files.write(Files.createTempFile(Path.of("target"), "rollback", ".pdf"), SampleFiles.pdf());
        List<StagedContent.File> files = List.of(new StagedContent.File(file, Files.size(file), Checksums.sha256(file)));

        StagedContent rolledBack = StagedContent.stage(storage, files);
        assertThat(S3Resource.server().objectKeys()).as("written before the row's transaction").contains(rolledBack.key(0));
        try (rolledBack) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                rolledBack.adopt(transactions);
                throw new IllegalStateException("the document's row could not be written");
            })).hasMessageContaining("could not be written");
        }
        assertThat(S3Resource.server().objectKeys()).doesNotContain(rolledBack.key(0));

        StagedContent committed = StagedContent.stage(storage, files);
        try (committed) {
            QuarkusTransaction.requiringNew().run(() -> committed.adopt(transactions));
        }
        assertThat(S3Resource.server().objectKeys()).contains(committed.key(0));
    }

    @Test
    void aRetryAnsweredFromItsIdempotencyKeyLeavesNoSecondObject() {
        String caseId = Portal.submit("physician");
        String key = UUID.randomUUID().toString();
        int before = S3Resource.server().objectKeys().size();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(Tokens.of("physician")).header("Idempotency-Key", key)
                    .multiPart("file", "report.pdf", SampleFiles.pdf(), "application/pdf")
                    .post("/api/portal/cases/" + caseId + "/documents").then().statusCode(201);
        }
        assertThat(S3Resource.server().objectKeys()).hasSize(before + 1);
    }

    @Test
    void anUploadToSomeoneElsesCaseStoresNothing() {
        String caseId = Portal.submit("physician");
        int before = S3Resource.server().objectKeys().size();
        given().auth().oauth2(Tokens.of("physician2")).multiPart("file", "report.pdf", SampleFiles.pdf(), "application/pdf")
                .post("/api/portal/cases/" + caseId + "/documents").then().statusCode(404);
        assertThat(S3Resource.server().objectKeys()).hasSize(before);
    }
}
