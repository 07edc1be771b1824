package org.ipc.visa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.crypto.DataKeyConfig;
import org.ipc.crypto.FieldCipher;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentStorage;
import org.ipc.testing.MondayMorningInNovember;
import org.ipc.testing.Papers;
import org.ipc.testing.Tokens;
import org.ipc.testing.UnboundSeals;
import org.ipc.workflow.schema.BindSealedValuesMigration;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A passport number is sealed wherever it rests: no column of any table (ours, the audit trail's, the engine's)
 * holds it in clear, the stored letter is encrypted in the document storage, and after a key rotation re-sealing
 * moves every sealed value to the current key.
 */
@QuarkusTest
class PassportsAtRestTest implements MondayMorningInNovember {

    /** The retired test key of application.properties ({@code %test.ipc.data-key.retired}). */
    private static final String RETIRED_TEST_KEY = "dGVzdC1vbmx5LXJldGlyZWQta2V5LTAxMjM0NTY3ODk=";

    @Inject
    AgroalDataSource database;

    @Inject
    DocumentStorage storage;

    @Inject
    FieldCipher cipher;

    private static String issueWith(String caseId, String passport, String companionPassport) {
        Map<String, Object> letter = VisaLettersTest.letter();
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) letter.get("patient");
        patient.put("passportNumber", passport);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> companions = (List<Map<String, Object>>) letter.get("companions");
        companions.get(0).put("passportNumber", companionPassport);
        return VisaLettersTest.issue(caseId, letter).statusCode(201).extract().path("id");
    }

    @Test
    void noTableHoldsAPassportNumberInClearAndTheStoredLetterIsEncrypted() throws Exception {
        String passport = "Q" + (100_000_000L + (long) (Math.random() * 800_000_000L));
        String companion = "R" + (100_000_000L + (long) (Math.random() * 800_000_000L));
        String caseId = VisaLettersTest.caseWithEstimate(true);
        String letterId = issueWith(caseId, passport, companion);
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/visa-letters").then()
                .statusCode(200);

        List<String> scanned = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select table_name, column_name, data_type "
                    + "from information_schema.columns where table_schema = current_schema() "
                    + "and data_type in ('character varying', 'text', 'character', 'bytea', 'json', 'jsonb')")) {
                while (rs.next()) {
                    columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                }
            }
            for (String[] column : columns) {
                // the name as in the passport is kept in clear (the verification page shows it): the scan must see it
                for (String secret : List.of(passport, companion, passport.substring(1), "LAYLA SAAD ALHARBI")) {
                    String where = column[2].equals("bytea")
                            ? "position(convert_to(?, 'UTF8') in \"" + column[1] + "\") > 0"
                            : "cast(\"" + column[1] + "\" as text) like '%' || ? || '%'";
                    try (PreparedStatement q = c.prepareStatement(
                            "select count(*) from \"" + column[0] + "\" where " + where)) {
                        q.setString(1, secret);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + (secret.startsWith("LAYLA") ? " (name)" : ""));
                            }
                        }
                    }
                }
                scanned.add(column[0] + "." + column[1]);
            }
        }
        assertThat(scanned).as("the scan reached our tables, the audit trail and the engine's")
                .contains("visa_letter.passport_sealed", "visa_companion.passport_sealed", "audit_event.target",
                        "act_ge_bytearray.bytes_", "document_content.content");
        assertThat(found).as("columns holding a passport number in clear, and the control: the name")
                .containsExactly("visa_letter.name_in_passport (name)");

        Document letter = QuarkusTransaction.requiringNew().call(() -> Document.<Document>find("caseId = ?1 and kind = "
                + "org.ipc.documents.DocumentKind.VISA_INVITATION", UUID.fromString(caseId)).firstResult());
        byte[] stored;
        try (var in = storage.open(letter.storageKey)) {
            stored = in.readAllBytes();
        }
        assertThat(new String(stored, 0, 5, StandardCharsets.ISO_8859_1)).as("not a PDF at rest").isNotEqualTo("%PDF-");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(passport);
        assertThat(Papers.text(Papers.download("supervisor", caseId, letter.id.toString()))).contains(passport, companion);
        assertThat(letterId).isNotNull();
    }

    @Test
    void valuesSealedBeforeRowsWereBoundAreBoundByMigration62AndNoLongerOpenUnbound() throws Exception {
        String caseId = VisaLettersTest.caseWithEstimate(true);
        String letterId = issueWith(caseId, "P55501234", "C55505678");
        String documentId = documentOf(letterId);
        // as if the letter had been issued before issue 24: sealed for their purpose only, under the key now retired
        try (Connection c = database.getConnection()) {
            update(c, "update visa_letter set passport_sealed = ? where id = ?",
                    UnboundSeals.seal("test0", RETIRED_TEST_KEY, "passport", "P55501234"), letterId);
            byte[] documentKey = cipher.openBytes(Document.keyBinding(UUID.fromString(documentId)),
                    single(c, "select content_key from document where id = ?", documentId));
            update(c, "update document set content_key = ? where id = ?",
                    UnboundSeals.seal("test0", RETIRED_TEST_KEY, "document-key", documentKey), documentId);
        }
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/documents/" + documentId)
                .then().statusCode(500).body("title", equalTo("Sealed value refused"));

        try (Connection c = database.getConnection()) {
            assertThat(BindSealedValuesMigration.migrate(c, cipher)).isGreaterThanOrEqualTo(2);
            String sealed = single(c, "select passport_sealed from visa_letter where id = ?", letterId);
            assertThat(sealed).startsWith("ipc2.test1.");
            assertThat(cipher.open(VisaLetter.passportBinding(UUID.fromString(letterId)), sealed)).isEqualTo("P55501234");
            assertThat(single(c, "select content_key from document where id = ?", documentId)).startsWith("ipc2.test1.");
        }
        assertThat(Papers.text(Papers.download("coordinator", caseId, documentId))).contains("P55501234", "C55505678");
    }

    @Test
    void afterAKeyRotationResealingMovesEveryValueToTheCurrentKeyBoundToItsRow() throws Exception {
        String caseId = VisaLettersTest.caseWithEstimate(true);
        String letterId = issueWith(caseId, "P55501234", "C55505678");
        String documentId = documentOf(letterId);
        FieldCipher retired = new FieldCipher(config("test0", RETIRED_TEST_KEY));
        FieldCipher.Binding passport = VisaLetter.passportBinding(UUID.fromString(letterId));
        FieldCipher.Binding documentKey = Document.keyBinding(UUID.fromString(documentId));
        // as if the letter had been issued before the rotation, under the key now retired
        try (Connection c = database.getConnection()) {
            String sealed = single(c, "select passport_sealed from visa_letter where id = ?", letterId);
            update(c, "update visa_letter set passport_sealed = ? where id = ?",
                    retired.seal(passport, cipher.open(passport, sealed)), letterId);
            update(c, "update document set content_key = ? where id = ?", retired.seal(documentKey,
                    cipher.openBytes(documentKey, single(c, "select content_key from document where id = ?",
                            documentId))), documentId);
        }

        given().auth().oauth2(Tokens.of("coordinator")).post("/api/admin/data-keys/reseal").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/data-keys/reseal").then().statusCode(200)
                .body("keyId", equalTo("test1")).body("passportNumbers", greaterThanOrEqualTo(1))
                .body("documentKeys", greaterThanOrEqualTo(1));

        try (Connection c = database.getConnection()) {
            String sealed = single(c, "select passport_sealed from visa_letter where id = ?", letterId);
            assertThat(sealed).startsWith("ipc2.test1.");
            assertThat(cipher.open(passport, sealed)).isEqualTo("P55501234");
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from document "
                    + "where content_key like 'ipc%.test0.%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        assertThat(Papers.text(Papers.download("coordinator", caseId, documentId))).contains("P55501234");
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/data-keys/reseal").then().statusCode(200)
                .body("passportNumbers", equalTo(0)).body("documentKeys", equalTo(0));
    }

    @Test
    void aSealedValueMovedToAnotherRowDoesNotOpenThereAndIsReportedNotShown() throws Exception {
        String first = VisaLettersTest.caseWithEstimate(true);
        String second = VisaLettersTest.caseWithEstimate(true);
        String firstLetter = issueWith(first, "M11112222", "N11113333");
        String secondLetter = issueWith(second, "M44445555", "N44446666");
        String firstDocument = documentOf(firstLetter);
        String secondDocument = documentOf(secondLetter);
        String swapDocuments = "update document d set storage_key = o.storage_key, content_key = o.content_key, "
                + "sha256 = o.sha256, size_bytes = o.size_bytes from document o "
                + "where (d.id, o.id) in ((?, ?), (?, ?))";
        String swapPassports = "update visa_letter l set passport_sealed = o.passport_sealed from visa_letter o "
                + "where (l.id, o.id) in ((?, ?), (?, ?))";
        try {
            // someone with write access to the database moves one letter, key and all, onto another case's row
            swap(swapDocuments, firstDocument, secondDocument);
            swap(swapPassports, firstLetter, secondLetter);

            io.restassured.response.Response refused = given().auth().oauth2(Tokens.of("coordinator"))
                    .get("/api/cases/" + first + "/documents/" + firstDocument);
            assertThat(refused.statusCode()).as("the other case's letter is not shown under this one").isEqualTo(500);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.asString()).doesNotContain("%PDF").contains("reported");

            List<String> reported = given().auth().oauth2(Tokens.of("admin")).post("/api/admin/data-keys/reseal")
                    .then().statusCode(200).extract().jsonPath().getList("refused");
            assertThat(reported).contains("visa_letter " + firstLetter + " passport_sealed",
                    "visa_letter " + secondLetter + " passport_sealed", "document " + firstDocument + " content_key",
                    "document " + secondDocument + " content_key");
        } finally {
            swap(swapDocuments, firstDocument, secondDocument);
            swap(swapPassports, firstLetter, secondLetter);
        }
        assertThat(Papers.text(Papers.download("coordinator", first, firstDocument))).contains("M11112222");
    }

    private static String documentOf(String letterId) {
        return QuarkusTransaction.requiringNew().call(() -> VisaLetter
                .<VisaLetter>findById(UUID.fromString(letterId)).documentId.toString());
    }

    /** Swaps what {@code sql} moves between two rows, in both directions at once. */
    private void swap(String sql, String a, String b) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, UUID.fromString(a));
            q.setObject(2, UUID.fromString(b));
            q.setObject(3, UUID.fromString(b));
            q.setObject(4, UUID.fromString(a));
            assertThat(q.executeUpdate()).isEqualTo(2);
        }
    }

    private static DataKeyConfig config(String id, String secret) {
        return new DataKeyConfig() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public Optional<List<String>> retired() {
                return Optional.empty();
            }
        };
    }

    private static String single(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, UUID.fromString(id));
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void update(Connection c, String sql, String value, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, value);
            q.setObject(2, UUID.fromString(id));
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
    }
}
