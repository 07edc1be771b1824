package org.ipc.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.cases.CaseEvent;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

/**
 * Resumable uploads, spoken to by the tus project's own Java client (io.tus.java.client 0.5.1) and, where the client
 * is too polite to misbehave, by hand: a file sent in pieces becomes a case document with the checksum of the file;
 * a piece cut off part-way keeps what arrived and the client resumes from there; wrong offsets, wrong checksums,
 * other physicians, expired uploads and files of the wrong type are refused.
 */
@QuarkusTest
class ResumableUploadsTest {

    private static final String TUS = "1.0.0";

    @TestHTTPResource("/")
    URL root;

    @Inject
    ResumableUploads uploads;

    private String caseId;

    @BeforeEach
    void aCase() {
        caseId = Portal.submit("physician");
    }

    @Test
    void theServerSaysWhatItSupports() {
        given().auth().oauth2(Tokens.of("physician")).options(uploadsOf(caseId)).then().statusCode(204)
                .header("Tus-Resumable", TUS).header("Tus-Version", TUS)
                .header("Tus-Extension", "creation,termination,checksum,expiration")
                .header("Tus-Max-Size", "2147483648").header("Tus-Checksum-Algorithm", "sha1,sha256,md5");
    }

    @Test
    void aFileSentInPiecesByTheTusClientBecomesACaseDocumentWithItsChecksum() throws Exception {
        Path file = pdf(3 * 1024 * 1024 + 17, 1);
        TusUploader uploader = client("physician").createUpload(upload(file, "ct-study.pdf", "IMAGING"));
        uploader.setChunkSize(64 * 1024);
        uploader.setRequestPayloadSize(1024 * 1024); // four PATCH requests
        while (uploader.uploadChunk() > -1) {
            // the client sends the next chunk
        }
        uploader.finish();

        String uploadPath = uploader.getUploadURL().getPath();
        Response head = tus("physician").head(uploadPath);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo(String.valueOf(Files.size(file)));
        String documentId = head.header("X-Document-Id");
        given().auth().oauth2(Tokens.of("physician")).get(documentsOf(caseId)).then().statusCode(200)
                .body("items.find { it.id == '" + documentId + "' }.fileName", equalTo("ct-study.pdf"))
                .body("items.find { it.id == '" + documentId + "' }.kind", equalTo("IMAGING"))
                .body("items.find { it.id == '" + documentId + "' }.contentType", equalTo("application/pdf"))
                .body("items.find { it.id == '" + documentId + "' }.sha256", equalTo(sha256(file)));
        byte[] downloaded = given().auth().oauth2(Tokens.of("physician")).get(documentsOf(caseId) + "/" + documentId)
                .then().statusCode(200).extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(file));
        assertThat(ProcessDriver.events(caseId)).contains(CaseEvent.Kind.RECORDS_RECEIVED);
        assertThat(Files.exists(uploads.fileOf(UUID.fromString(lastSegment(uploadPath))))).as("bytes in waiting removed")
                .isFalse();
    }

    @Test
    void aPieceCutOffPartWayKeepsWhatArrivedAndTheClientResumesFromThere() throws Exception {
        Path file = pdf(2 * 1024 * 1024 + 5, 2);
        TusURLMemoryStore store = new TusURLMemoryStore();
        TusClient client = client("physician");
        client.enableResuming(store);
        TusUpload upload = upload(file, "mri.pdf", "IMAGING");
        // the first MB arrives whole
        TusUploader first = client.resumeOrCreateUpload(upload);
        first.setChunkSize(64 * 1024);
        first.setRequestPayloadSize(1024 * 1024);
        first.uploadChunk();
        while (first.getOffset() < 1024 * 1024 && first.uploadChunk() > -1) {
            // up to the first MB
        }
        first.finish();
        String uploadPath = first.getUploadURL().getPath();
        assertThat(tus("physician").head(uploadPath).header("Upload-Offset")).isEqualTo("1048576");

        // then a piece announced as the rest is cut off after 300,000 of its bytes (the connection drops)
        byte[] all = Files.readAllBytes(file);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + uploadPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.of("physician") + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream"
                    + "\r\nUpload-Offset: 1048576\r\nContent-Length: " + (all.length - 1048576) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(all, 1048576, 300_000);
            out.flush();
        }
        long kept = awaitOffsetBeyond(uploadPath, 1048576);
        // what the service had read from the connection when it dropped is kept; the last few kilobytes may still
        // have been in the network layer's buffers (more of them when the machine is busy) and are sent again
        assertThat(kept).as("the bytes that arrived before the cut are kept")
                .isGreaterThanOrEqualTo(1048576 + 100_000).isLessThanOrEqualTo(1048576 + 300_000);

        // the client, started anew on the same file, asks where the upload stands and sends the rest
        TusUploader resumed = client.resumeOrCreateUpload(upload(file, "mri.pdf", "IMAGING"));
        long resumedFrom = resumed.getOffset();
        assertThat(resumedFrom).isEqualTo(kept);
        resumed.setChunkSize(64 * 1024);
        while (resumed.uploadChunk() > -1) {
            // the rest
        }
        resumed.finish();

        String documentId = tus("physician").head(uploadPath).header("X-Document-Id");
        String stored = given().auth().oauth2(Tokens.of("physician")).get(documentsOf(caseId)).then().statusCode(200)
                .extract().path("items.find { it.id == '" + documentId + "' }.sha256");
        assertThat(stored).isEqualTo(sha256(file));
        byte[] downloaded = given().auth().oauth2(Tokens.of("physician")).get(documentsOf(caseId) + "/" + documentId)
                .then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(all);
        Files.writeString(Path.of("target", "resumed-upload.md"), "# A resumed upload (tus-java-client 0.5.1)\n\n"
                + "| | |\n| --- | --- |\n| file | " + all.length + " bytes |\n| first request | 1,048,576 bytes |\n"
                + "| second request, cut off after | 300,000 bytes |\n| kept when the connection dropped (Upload-Offset) | "
                + kept + " bytes |\n| resumed from (HEAD) | " + resumedFrom + " |\n| SHA-256 of the file sent | "
                + sha256(file) + " |\n| SHA-256 stored for the document | " + stored + " |\n");
    }

    @Test
    void aPieceAtAnotherOffsetIsRefusedAndChangesNothing() throws Exception {
        String upload = create("physician", 1000, "filename " + b64("a.txt"));
        patch("physician", upload, 0, "Synthetic text\n".getBytes(StandardCharsets.UTF_8), null).then().statusCode(204)
                .header("Upload-Offset", "15").header("Tus-Resumable", TUS);
        patch("physician", upload, 0, "again".getBytes(StandardCharsets.UTF_8), null).then().statusCode(409)
                .contentType("application/problem+json").header("Tus-Resumable", TUS);
        patch("physician", upload, 99, "later".getBytes(StandardCharsets.UTF_8), null).then().statusCode(409);
        assertThat(tus("physician").head(upload).header("Upload-Offset")).isEqualTo("15");
    }

    @Test
    void aPieceWhoseChecksumDoesNotMatchIsDroppedWith460() throws Exception {
        byte[] piece = "Synthetic text, first line\n".getBytes(StandardCharsets.UTF_8);
        String upload = create("physician", 100, "filename " + b64("notes.txt") + ",filetype " + b64("text/plain"));
        patch("physician", upload, 0, piece, "sha1 " + digest("SHA-1", "something else".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(460).contentType("application/problem+json")
                .body("errors.field", hasItem("Upload-Checksum"));
        assertThat(tus("physician").head(upload).header("Upload-Offset")).isEqualTo("0");
        patch("physician", upload, 0, piece, "sha1 " + digest("SHA-1", piece)).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(piece.length));
        patch("physician", upload, piece.length, "x".getBytes(StandardCharsets.UTF_8), "crc32 AAAA").then()
                .statusCode(400).body("errors.field", hasItem("Upload-Checksum"));
    }

    @Test
    void anotherPhysiciansUploadIsNotFound() throws Exception {
        String upload = create("physician", 100, "filename " + b64("a.txt"));
        assertThat(tus("physician2").head(upload).statusCode()).isEqualTo(404);
        patch("physician2", upload, 0, "x".getBytes(StandardCharsets.UTF_8), null).then().statusCode(404);
        tus("physician2").delete(upload).then().statusCode(404);
        create("physician2", uploadsOf(caseId), 100, "filename " + b64("b.txt")).then().statusCode(404);
        assertThat(tus("physician").head(upload).statusCode()).isEqualTo(200);
    }

    @Test
    void badAnnouncementsNameTheirHeader() {
        create("physician", uploadsOf(caseId), -1, "filename " + b64("a.txt")).then().statusCode(400)
                .body("errors.field", hasItem("Upload-Length"));
        create("physician", uploadsOf(caseId), 3L * 1024 * 1024 * 1024, "filename " + b64("a.txt")).then()
                .statusCode(413).body("errors.field", hasItem("Upload-Length"));
        create("physician", uploadsOf(caseId), 10, "filetype " + b64("text/plain")).then().statusCode(400)
                .body("errors.field", hasItem("Upload-Metadata.filename"));
        create("physician", uploadsOf(caseId), 10, "filename " + b64("../../etc/passwd")).then().statusCode(400)
                .body("errors.field", hasItem("Upload-Metadata.filename"));
        create("physician", uploadsOf(caseId), 10, "filename " + b64("a.pdf") + ",kind " + b64("OPINION_LETTER"))
                .then().statusCode(400).body("errors.field", hasItem("Upload-Metadata.kind"));
        create("physician", uploadsOf(caseId), 10, "filename not-base64!").then().statusCode(400)
                .body("errors.field", hasItem("Upload-Metadata.filename"));
        given().auth().oauth2(Tokens.of("physician")).header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + b64("a.txt")).post(uploadsOf(caseId)).then().statusCode(412)
                .header("Tus-Resumable", TUS).body("errors.field", hasItem("Tus-Resumable"));
    }

    @Test
    void aPieceMustBeSentAsOffsetOctetStream() throws Exception {
        String upload = create("physician", 10, "filename " + b64("a.txt"));
        tus("physician").header("Upload-Offset", "0").contentType("application/json").body("{}").patch(upload).then()
                .statusCode(415).body("errors.field", hasItem("Content-Type"));
    }

    @Test
    void anAssembledFileOfATypeWeDoNotKeepIsRefusedAndRemoved() throws Exception {
        byte[] program = SampleFiles.windowsProgram();
        String upload = create("physician", program.length, "filename " + b64("setup.pdf"));
        patch("physician", upload, 0, program, null).then().statusCode(415).contentType("application/problem+json");
        assertThat(tus("physician").head(upload).statusCode()).isEqualTo(404);
        assertThat(Files.exists(uploads.fileOf(UUID.fromString(lastSegment(upload))))).isFalse();
        given().auth().oauth2(Tokens.of("physician")).get(documentsOf(caseId)).then().body("total", equalTo(0));
    }

    @Test
    void aTerminatedUploadIsGone() throws Exception {
        String upload = create("physician", 100, "filename " + b64("a.txt"));
        patch("physician", upload, 0, "Synthetic\n".getBytes(StandardCharsets.UTF_8), null).then().statusCode(204);
        tus("physician").delete(upload).then().statusCode(204).header("Tus-Resumable", TUS);
        assertThat(tus("physician").head(upload).statusCode()).isEqualTo(404);
        assertThat(Files.exists(uploads.fileOf(UUID.fromString(lastSegment(upload))))).isFalse();
    }

    @Test
    void anAbandonedUploadIsSweptAwayAndAFreshOneStays() throws Exception {
        String abandoned = create("physician", 100, "filename " + b64("a.txt"));
        patch("physician", abandoned, 0, "Synthetic\n".getBytes(StandardCharsets.UTF_8), null).then().statusCode(204);
        String fresh = create("physician", 100, "filename " + b64("b.txt"));
        UUID abandonedId = UUID.fromString(lastSegment(abandoned));
        QuarkusTransaction.requiringNew().run(() -> ResumableUpload.update("updatedAt = ?1 where id = ?2",
                Instant.now().minusSeconds(25 * 3600), abandonedId));

        assertThat(uploads.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(tus("physician").head(abandoned).statusCode()).isEqualTo(404);
        assertThat(Files.exists(uploads.fileOf(abandonedId))).isFalse();
        assertThat(tus("physician").head(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyPieceIsNoProgressAndDoesNotKeepAnAbandonedUploadAlive() throws Exception {
        String abandoned = create("physician", 100, "filename " + b64("a.txt"));
        patch("physician", abandoned, 0, "Synthetic\n".getBytes(StandardCharsets.UTF_8), null).then().statusCode(204);
        UUID id = UUID.fromString(lastSegment(abandoned));
        Instant longAgo = Instant.now().minusSeconds(25 * 3600);
        QuarkusTransaction.requiringNew().run(() -> ResumableUpload.update("updatedAt = ?1 where id = ?2", longAgo, id));

        // an empty PATCH at the offset reached: answered, but no byte arrived, so nothing moved
        patch("physician", abandoned, 10, new byte[0], null).then().statusCode(204).header("Upload-Offset", "10");
        Instant after = QuarkusTransaction.requiringNew().call(() -> ResumableUpload.<ResumableUpload>findById(id).updatedAt);
        assertThat(after).as("an empty piece is not progress")
                .isCloseTo(longAgo, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));

        assertThat(uploads.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(tus("physician").head(abandoned).statusCode()).isEqualTo(404);
    }

    @Test
    void openUploadsAndTheBytesTheyHoldAreLimitedPerCaseAndTheLimitIsNamed() {
        List<String> open = new java.util.ArrayList<>();
        try {
            // four open uploads of one case are the most (ipc.uploads.quota.open-per-case)
            for (int i = 0; i < 4; i++) {
                open.add(create("physician", 1000, "filename " + b64("part-" + i + ".pdf")));
            }
            create("physician", uploadsOf(caseId), 1000, "filename " + b64("one-more.pdf")).then().statusCode(413)
                    .contentType("application/problem+json").body("title", equalTo("Upload quota reached"))
                    .body("errors[0].field", equalTo("ipc.uploads.quota.open-per-case"));
            // a finished or given-up upload no longer counts
            tus("physician").delete(open.remove(0)).then().statusCode(204);
            open.add(create("physician", 1000, "filename " + b64("one-more.pdf")));

            // the bytes announced by a case's open uploads: 4 GiB at most (ipc.uploads.quota.bytes-per-case)
            String other = Portal.submit("physician");
            long twoGiB = 2L * 1024 * 1024 * 1024;
            open.add(URI(create("physician", uploadsOf(other), twoGiB, "filename " + b64("ct.dcm")).then()
                    .statusCode(201).extract().header("Location")));
            open.add(URI(create("physician", uploadsOf(other), twoGiB, "filename " + b64("mri.dcm")).then()
                    .statusCode(201).extract().header("Location")));
            create("physician", uploadsOf(other), 100, "filename " + b64("labs.txt")).then().statusCode(413)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("ipc.uploads.quota.bytes-per-case"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("4 GiB"));
        } finally {
            open.forEach(upload -> tus("physician").delete(upload));
        }
    }

    // --- helpers

    private TusClient client(String user) throws IOException {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(root, uploadsOf(caseId)));
        client.setHeaders(Map.of("Authorization", "Bearer " + Tokens.of(user)));
        return client;
    }

    private static TusUpload upload(Path file, String name, String kind) throws IOException {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", name, "filetype", "application/pdf", "kind", kind));
        return upload;
    }

    private long awaitOffsetBeyond(String upload, long offset) throws InterruptedException {
        UUID id = UUID.fromString(lastSegment(upload));
        for (int i = 0; i < 200; i++) {
            ResumableUpload row = QuarkusTransaction.requiringNew().call(() -> ResumableUpload.findById(id));
            if (row.offset > offset && row.leaseToken == null) {
                return row.offset;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the cut-off piece was never recorded");
    }

    private String create(String user, long length, String metadata) {
        return URI(create(user, uploadsOf(caseId), length, metadata).then().statusCode(201)
                .header("Tus-Resumable", TUS).extract().header("Location"));
    }

    private static String URI(String location) {
        return java.net.URI.create(location).getPath();
    }

    private static Response create(String user, String path, long length, String metadata) {
        return tus(user).header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata).post(path);
    }

    private static Response patch(String user, String upload, long offset, byte[] piece, String checksum) {
        var request = tus(user).header("Upload-Offset", String.valueOf(offset))
                .contentType("application/offset+octet-stream").body(new ByteArrayInputStream(piece));
        if (checksum != null) {
            request.header("Upload-Checksum", checksum);
        }
        return request.patch(upload);
    }

    private static io.restassured.specification.RequestSpecification tus(String user) {
        return given().auth().oauth2(Tokens.of(user)).header("Tus-Resumable", TUS);
    }

    private String uploadsOf(String caseId) {
        return "/api/portal/cases/" + caseId + "/uploads";
    }

    private String documentsOf(String caseId) {
        return "/api/portal/cases/" + caseId + "/documents";
    }

    /** A synthetic PDF of {@code size} bytes: the PDF header, then random bytes. */
    private static Path pdf(int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = SampleFiles.pdf();
        System.arraycopy(header, 0, bytes, 0, header.length);
        Path file = Files.createTempFile(Path.of("target"), "upload", ".pdf");
        Files.write(file, bytes);
        return file;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unused")
    private static void unused(ProtocolException e) {
    }
}
