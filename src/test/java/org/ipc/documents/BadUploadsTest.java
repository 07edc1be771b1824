package org.ipc.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.testing.Portal;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every bad upload is a clear problem+json, and leaves neither a document row nor stored content behind. */
@QuarkusTest
class BadUploadsTest {

    @ConfigProperty(name = "ipc.documents.directory")
    Path storageRoot;

    @TestHTTPResource("/")
    URI base;

    @jakarta.inject.Inject
    org.ipc.api.RequestSizeLimits sizeLimits;

    private String caseId;
    private long documentsBefore;
    private long filesBefore;

    @BeforeEach
    void countWhatIsStored() throws IOException {
        caseId = Portal.submit("physician");
        documentsBefore = QuarkusTransaction.requiringNew().call(() -> Document.count());
        filesBefore = storedFiles();
    }

    @Test
    void contentThatIsNotWhatItClaimsToBeIsRefused() throws IOException {
        upload("scan.pdf", SampleFiles.png(), "application/pdf").statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file[0]"))
                .body("errors[0].message", containsString("sent as application/pdf but its content is image/png"));
        assertNothingStored();
    }

    @Test
    void aProgramRenamedToPdfIsRefused() throws IOException {
        upload("invoice.pdf", SampleFiles.windowsProgram(), "application/octet-stream").statusCode(415)
                .body("title", equalTo("Unsupported file type"));
        assertNothingStored();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        upload("empty.pdf", new byte[0], "application/pdf").statusCode(400)
                .body("errors[0].message", containsString("empty"));
        assertNothingStored();
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        upload("notes.txt", SampleFiles.invalidUtf8(), "text/plain").statusCode(415)
                .body("errors[0].message", containsString("UTF-8"));
        assertNothingStored();
    }

    @Test
    void fileNamesWithFoldersOrControlCharactersAreRefused() throws IOException {
        for (String name : new String[] { "../../etc/passwd", "C:\\records\\scan.pdf", "report\u0007.pdf" }) {
            String answer = upload(name, SampleFiles.pdf(), "application/pdf").extract().asString();
            assertThat(answer).as(name).contains("\"status\":400");
            upload(name, SampleFiles.pdf(), "application/pdf").statusCode(400)
                    .body("errors[0].field", equalTo("file[0]"))
                    .body("errors[0].message", containsString("plain name"));
        }
        assertNothingStored();
    }

    @Test
    void tooManyFilesAtOnceAreRefusedAndNoneIsKept() throws IOException {
        var request = given().auth().oauth2(Tokens.of("physician"));
        for (int i = 0; i < 11; i++) {
            request.multiPart("file", "page" + i + ".pdf", SampleFiles.pdf(), "application/pdf");
        }
        request.when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(400).body("errors.field", hasItem("file"))
                .body("errors[0].message", containsString("at most 10"));
        assertNothingStored();
    }

    @Test
    void oneBadFileAmongGoodOnesKeepsNoneOfThem() throws IOException {
        given().auth().oauth2(Tokens.of("physician"))
                .multiPart("file", "good.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("file", "bad.txt", SampleFiles.invalidUtf8(), "text/plain")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(415).body("errors[0].field", equalTo("file[1]"));
        assertNothingStored();
    }

    @Test
    void noFileAtAllIsNamed() {
        given().auth().oauth2(Tokens.of("physician")).multiPart("kind", "MEDICAL_RECORD")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void unknownKindAndBadLanguageAreNamed() {
        given().auth().oauth2(Tokens.of("physician"))
                .multiPart("file", "a.pdf", SampleFiles.pdf(), "application/pdf").multiPart("kind", "SELFIE")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        given().auth().oauth2(Tokens.of("physician"))
                .multiPart("file", "a.pdf", SampleFiles.pdf(), "application/pdf").multiPart("language", "klingon!")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(400).body("errors.field", hasItem("language"));
    }

    @Test
    void anOverSizedUploadIsRefusedFromItsLengthBeforeTheBodyIsSent() throws Exception {
        String answer = headersOnly("/api/portal/cases/" + caseId + "/documents",
                "multipart/form-data; boundary=xyz", 200L * 1024 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("limit of 51 MB for one upload");
        assertNothingStored();
    }

    @Test
    void anOverSizedJsonBodyIsRefusedFromItsLength() throws Exception {
        String answer = headersOnly("/api/portal/cases", "application/json", 5_000_000);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"status\":413");
    }

    @Test
    void multipartBodiesWaitingOnDiskAreBoundedInTheSpaceTheyMayTake() throws Exception {
        // each announces the largest upload (one 50 MB document and its envelope) and sends nothing more: 40 of them
        // take the 2 GiB that ipc.http.multipart.max-space grants the spool; the 41st is told to come back
        long largest = 50L * 1024 * 1024 + 1024 * 1024;
        List<Socket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                waiting.add(sendHead("/api/portal/cases/" + caseId + "/documents", "multipart/form-data; boundary=xyz",
                        largest));
            }
            // the heads arrive on several event loops: the 41st must come after all 40 are held
            for (int i = 0; i < 200 && sizeLimits.inFlight() < 40; i++) {
                Thread.sleep(25);
            }
            assertThat(sizeLimits.inFlight()).as("bodies held").isEqualTo(40);
            try (Socket refused = sendHead("/api/portal/cases/" + caseId + "/documents",
                    "multipart/form-data; boundary=xyz", largest)) {
                String answer = readAnswer(refused);
                assertThat(answer).startsWith("HTTP/1.1 503").contains("application/problem+json")
                        .containsIgnoringCase("Retry-After: 5").contains("ipc.http.multipart.max-space");
            }
        } finally {
            for (Socket s : waiting) {
                s.close();
            }
        }
        // the bodies that never came are given up: their room is free again, and a real upload goes through
        int status = 0;
        for (int i = 0; i < 50 && status != 201; i++) {
            status = upload("after.pdf", SampleFiles.pdf(), "application/pdf").extract().statusCode();
            if (status == 503) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(201);
    }

    private Socket sendHead(String path, String contentType, long contentLength) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(5_000);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                + Tokens.of("physician") + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The answer's head and its body, as long as its Content-Length says (the server does not wait for ours). */
    private static String readAnswer(Socket socket) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            String text = all.toString(StandardCharsets.UTF_8);
            int head = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
            if (head >= 0 && length.find() && all.size() >= head + 4 + Integer.parseInt(length.group(1))) {
                return text;
            }
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                return text;
            }
            all.write(buffer, 0, n);
        }
    }

    /** Sends only a request's headers, announcing a large body, and reads what the server answers at once. */
    private String headersOnly(String path, String contentType, long contentLength) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + Tokens.of("physician") + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFileOverTheLimitInsideAnAcceptableBodyIsRefused() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        System.arraycopy(SampleFiles.pdf(), 0, big, 0, SampleFiles.pdf().length);
        String boundary = "ipc-test-" + System.nanoTime();
        // the JDK's client, as a browser sends it: RestAssured spends seconds copying a multipart body of this size
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("api/portal/cases/" + caseId + "/documents"))
                        .header("Authorization", "Bearer " + Tokens.of("physician"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                        + "name=\"file\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
                                HttpRequest.BodyPublishers.ofByteArray(big),
                                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("larger than the limit of 50 MB");
        assertNothingStored();
    }

    private ValidatableResponse upload(String name, byte[] content, String type) {
        return given().auth().oauth2(Tokens.of("physician")).multiPart("file", name, content, type)
                .when().post("/api/portal/cases/" + caseId + "/documents").then();
    }

    private void assertNothingStored() throws IOException {
        long documents = QuarkusTransaction.requiringNew().call(() -> Document.count());
        assertThat(documents).isEqualTo(documentsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private long storedFiles() throws IOException {
        if (!Files.exists(storageRoot)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(storageRoot)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
