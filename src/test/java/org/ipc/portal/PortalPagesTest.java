package org.ipc.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.ipc.cases.CaseStatus;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.ipc.testing.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The referring physician's pages, signed in through the code flow as a browser would be: a case submitted in Spanish
 * after one field error, the conversation, records up through the page's plain form, the released opinion down, a
 * case withdrawn after the confirmation step, the language and zone kept, CSRF and other physicians' cases refused.
 */
@QuarkusTest
class PortalPagesTest {

    /** A key of the words files showing on a page instead of its words. */
    private static final Pattern RAW_KEY = Pattern.compile(
            "\\b(status|next|needs|field|error|kind|dept|case|cases|new|nav|upload|withdraw|settings|hint|type|urgency|sex|size|estimate)\\.[A-Za-z]");
    private static final Pattern CASE_LINK = Pattern.compile("/portal/cases/([0-9a-f-]{36})");

    @TestHTTPResource("/")
    URL root;

    @Inject
    ProcessDriver process;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aPhysicianSubmitsACaseInSpanishAfterCorrectingAFieldAndFollowsIt() {
        WebSession physician = signIn("physician", "es-MX,es;q=0.9,en;q=0.5");
        HttpResponse<String> form = physician.get("/portal/cases/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"es\" dir=\"ltr\">", "Derivar a un paciente", "Resumen clínico");
        String csrf = physician.csrfField("/portal/cases/new");

        Map<String, String> fields = caseForm();
        fields.put("timeZone", "Marte/Base");
        HttpResponse<String> refused = physician.post("/portal/cases", WebSession.withCsrf(csrf, fields));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Corrija estos campos",
                "Zona horaria del paciente: no es una zona horaria como America/Sao_Paulo.",
                "id=\"timeZone\" name=\"timeZone\" type=\"text\" value=\"Marte/Base\" aria-invalid=\"true\"")
                .as("what the physician typed is kept").contains("value=\"Souza\"", "Segunda opinión sobre imágenes");
        assertNoRawKeys(refused.body());

        fields.put("timeZone", "America/Sao_Paulo");
        Matcher key = Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36})\"").matcher(refused.body());
        assertThat(key.find()).as("the form's own submission key, kept after the error").isTrue();
        fields.put("submission", key.group(1));
        HttpResponse<String> sent = physician.post("/portal/cases", WebSession.withCsrf(csrf, fields));
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        // a second press of the button on a slow link: the same case, not a second one
        HttpResponse<String> again = physician.post("/portal/cases", WebSession.withCsrf(csrf, fields));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue(location);
        Matcher id = CASE_LINK.matcher(location);
        assertThat(id.find()).isTrue();
        String caseId = id.group(1);
        // the same case the API shows, with the service's own checks behind it
        given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId).then().statusCode(200);
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.SUBMITTED);

        HttpResponse<String> page = physician.get("/portal/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ana Souza", "Recibido", "Centro de cáncer", "Brasil",
                "nuestra oficina revisa la derivación en un día hábil");
        assertNoRawKeys(page.body());

        HttpResponse<String> list = physician.get("/portal");
        assertThat(list.body()).contains("Mis casos", "/portal/cases/" + caseId, "Recibido");
        assertNoRawKeys(list.body());
    }

    @Test
    void theOfficeAsksForRecordsThePhysicianSeesWhatIsNeededReadsTheMessageAnswersAndUploads() throws Exception {
        String caseId = Portal.submit("physician");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("body", "Please send the latest CT report.")).post("/api/cases/" + caseId + "/messages")
                .then().statusCode(201);
        WebSession physician = signIn("physician", "pt-BR,pt;q=0.9");

        String list = physician.get("/portal?status=RECORDS_REQUESTED").body();
        assertThat(list).contains("/portal/cases/" + caseId, "Precisamos de você:", "prontuário solicitado");
        HttpResponse<String> page = physician.get("/portal/cases/" + caseId);
        assertThat(page.body()).contains("Prontuário solicitado", "Please send the latest CT report.",
                "nosso escritório");
        assertNoRawKeys(page.body());

        String csrf = physician.csrfField("/portal/cases/" + caseId);
        HttpResponse<String> answered = physician.post("/portal/cases/" + caseId + "/messages",
                WebSession.withCsrf(csrf, Map.of("body", "Attached: the CT report of November.")));
        assertThat(answered.statusCode()).isEqualTo(303);
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId + "/messages").then()
                .statusCode(200).body("items.body", org.hamcrest.Matchers.hasItem("Attached: the CT report of November."));
        HttpResponse<String> empty = physician.post("/portal/cases/" + caseId + "/messages",
                WebSession.withCsrf(csrf, Map.of("body", "  ")));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("é obrigatório.", "aria-invalid=\"true\" aria-describedby=\"body-error\"");

        byte[] report = SampleFiles.pdf();
        HttpResponse<String> uploaded = physician.postFile("/portal/cases/" + caseId + "/documents",
                WebSession.withCsrf(csrf, Map.of("kind", "IMAGING_REPORT")), "ct-report.pdf", "application/pdf", report);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        given().auth().oauth2(Tokens.of("physician")).get("/api/portal/cases/" + caseId + "/documents").then()
                .statusCode(200).body("items[0].fileName", org.hamcrest.Matchers.equalTo("ct-report.pdf"))
                .body("items[0].kind", org.hamcrest.Matchers.equalTo("IMAGING_REPORT"))
                .body("items[0].sha256", org.hamcrest.Matchers.equalTo(sha256(report)));
        assertThat(ProcessDriver.events(caseId)).as("the process hears that records arrived")
                .contains(org.ipc.cases.CaseEvent.Kind.RECORDS_RECEIVED);
        assertThat(physician.get("/portal/cases/" + caseId).body()).contains("ct-report.pdf", "Laudo de imagem",
                "de você");

        HttpResponse<String> spoofed = physician.postFile("/portal/cases/" + caseId + "/documents",
                WebSession.withCsrf(csrf, Map.of("kind", "LAB_RESULT")), "labs.pdf", "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(spoofed.statusCode()).isEqualTo(400);
        assertThat(spoofed.body()).contains("Guardamos apenas arquivos PDF");
    }

    @Test
    void theReleasedOpinionIsThereToDownload() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        String caseId = Portal.submit("physician");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        byte[] letter = SampleFiles.pdf();
        String letterId = given().auth().oauth2(Tokens.of("specialist")).multiPart("file", "opinion.pdf", letter,
                "application/pdf").multiPart("kind", "OPINION_LETTER").post("/api/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("items[0].id");
        WebSession physician = signIn("physician", "en");
        assertThat(physician.get("/portal/cases/" + caseId).body()).doesNotContain(letterId, "Our answer");
        assertThat(physician.download("/portal/cases/" + caseId + "/documents/" + letterId).statusCode())
                .isEqualTo(404);

        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
        String page = physician.get("/portal/cases/" + caseId).body();
        assertThat(page).contains("Our answer", "Opinion ready", "Second opinion: opinion.pdf",
                "/portal/cases/" + caseId + "/documents/" + letterId);
        HttpResponse<byte[]> download = physician.download("/portal/cases/" + caseId + "/documents/" + letterId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(letter);
    }

    @Test
    void theCostEstimateAndWhatIsStillDueShowInThePhysiciansLanguageAndMoney() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        String caseId = ProcessDriver.atCostEstimate(Portal.submit("physician", "TREATMENT"));
        WebSession physician = signIn("physician", "es-MX,es;q=0.9,en;q=0.5");
        assertThat(physician.get("/portal/cases/" + caseId).body()).doesNotContain("Presupuesto");

        // 4,200.00 + 18,500 + 25,300.00 USD, a deposit of 14,400.00, of which 4,000.00 received
        ProcessDriver.writeEstimate(caseId, "2027-01-11").statusCode(201);
        ProcessDriver.pay(caseId, "4000.00", "FT-2001").statusCode(201);
        String page = physician.get("/portal/cases/" + caseId).body();
        assertNoRawKeys(page);
        assertThat(page).contains("Presupuesto", "Total estimado", "48.000,00", "Depósito requerido", "14.400,00",
                "Recibido hasta ahora", "4.000,00", "Pendiente de pago", "10.400,00", "vence el", "11 ene 2027");

        ProcessDriver.pay(caseId, "10400.00", "FT-2002").statusCode(201);
        assertThat(physician.get("/portal/cases/" + caseId).body())
                .contains("Nada: el depósito se recibió completo").doesNotContain("10.400,00");
    }

    @Test
    void withdrawingAsksFirstThenEndsTheCase() {
        String caseId = Portal.submit("physician");
        WebSession physician = signIn("physician", "zh-CN,zh;q=0.9");
        HttpResponse<String> confirm = physician.get("/portal/cases/" + caseId + "/withdraw");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("<html lang=\"zh\"", "撤回转诊？", "是，撤回", "否，保留病例");
        assertThat(ProcessDriver.status(caseId)).as("nothing happens before the confirmation")
                .isEqualTo(CaseStatus.SUBMITTED);
        String csrf = physician.csrfField("/portal/cases/" + caseId + "/withdraw");
        HttpResponse<String> done = physician.post("/portal/cases/" + caseId + "/withdraw",
                WebSession.withCsrf(csrf, Map.of()));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(physician.get("/portal/cases/" + caseId).body()).contains("已撤回")
                .doesNotContain("/portal/cases/" + caseId + "/withdraw\"");
        HttpResponse<String> again = physician.post("/portal/cases/" + caseId + "/withdraw",
                WebSession.withCsrf(csrf, Map.of()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("此病例已经结束。");
    }

    @Test
    void theChosenLanguageAndZoneAreKeptAndArabicReadsRightToLeft() {
        WebSession physician = signIn("physician2", "en");
        String csrf = physician.csrfField("/portal/settings");
        HttpResponse<String> badZone = physician.post("/portal/settings",
                WebSession.withCsrf(csrf, Map.of("language", "ar", "timeZone", "Dubai")));
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("is not a time zone such as America/Sao_Paulo.");
        HttpResponse<String> saved = physician.post("/portal/settings",
                WebSession.withCsrf(csrf, Map.of("language", "ar", "timeZone", "Asia/Dubai")));
        assertThat(saved.statusCode()).isEqualTo(303);
        String caseId = Portal.submit("physician2");

        // a later visit from a browser that asks for English still gets the physician's choice
        WebSession later = signIn("physician2", "en-US,en");
        String page = later.get("/portal/cases/" + caseId).body();
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">", "تم الاستلام", "Asia/Dubai", "مركز السرطان");
        assertNoRawKeys(page);
        String list = later.get("/portal").body();
        assertThat(list).contains("حالاتي");
        assertNoRawKeys(list);
        assertNoRawKeys(later.get("/portal/cases/new").body());
        QuarkusTransaction.requiringNew().run(() -> {
            var row = org.ipc.physicians.ReferringPhysician.findBySubject("physician2").orElseThrow();
            assertThat(row.portalLanguage).isEqualTo("ar");
            assertThat(row.timeZone).isEqualTo("Asia/Dubai");
        });
        // back to English for the other tests of this physician
        later.post("/portal/settings", WebSession.withCsrf(later.csrfField("/portal/settings"),
                Map.of("language", "en", "timeZone", "")));
    }

    @Test
    void anotherPhysiciansCaseIsNotThereAndAFormWithoutItsCsrfFieldIsRefused() {
        String caseId = Portal.submit("physician");
        WebSession other = signIn("physician2", "en");
        assertThat(other.get("/portal/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(other.get("/portal/cases/" + caseId + "/withdraw").statusCode()).isEqualTo(404);
        String csrf = other.csrfField("/portal/settings");
        assertThat(other.post("/portal/cases/" + caseId + "/withdraw", WebSession.withCsrf(csrf, Map.of()))
                .statusCode()).isEqualTo(404);
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.SUBMITTED);

        WebSession owner = signIn("physician", "en");
        assertThat(owner.post("/portal/cases/" + caseId + "/withdraw", Map.of()).statusCode()).isEqualTo(403);
        assertThat(owner.post("/portal/cases/" + caseId + "/withdraw", Map.of("csrf-token", csrf)).statusCode())
                .as("another user's field does not fit this user's cookie").isEqualTo(403);
        assertThat(ProcessDriver.status(caseId)).isEqualTo(CaseStatus.SUBMITTED);

        // staff have no business on the physicians' pages
        assertThat(signInAnyway("coordinator").statusCode()).isEqualTo(403);
    }

    @Test
    void thePagesUploadScriptSpeaksTusUnderThePagesSignInWithItsCsrfHeader() throws Exception {
        String caseId = Portal.submit("physician");
        WebSession physician = signIn("physician", "en");
        String page = physician.get("/portal/cases/" + caseId).body();
        assertThat(page).contains("<script src=\"/portal-assets/upload.js\" defer></script>",
                "data-case=\"" + caseId + "\"");
        String csrf = physician.csrfField("/portal/cases/" + caseId);
        String uploads = "/portal/uploads/" + caseId;
        byte[] text = "Synthetic lab values: all within range.\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> announce = Map.of("Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(text.length),
                "Upload-Metadata", "filename " + b64("labs.txt") + ",filetype " + b64("text/plain") + ",kind "
                        + b64("LAB_RESULT"));

        assertThat(physician.call("POST", uploads, announce, null).statusCode()).as("no CSRF header").isEqualTo(403);
        Map<String, String> withCsrf = new LinkedHashMap<>(announce);
        withCsrf.put("X-CSRF-Token", csrf);
        HttpResponse<String> created = physician.call("POST", uploads, withCsrf, null);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(location).startsWith(uploads + "/");

        WebSession other = signIn("physician2", "en");
        String otherCsrf = other.csrfField("/portal/settings");
        assertThat(other.call("HEAD", location, Map.of("Tus-Resumable", "1.0.0"), null).statusCode())
                .as("another physician's upload").isEqualTo(404);
        assertThat(other.call("PATCH", location, Map.of("Tus-Resumable", "1.0.0", "X-CSRF-Token", otherCsrf,
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", "0"), text).statusCode())
                .isEqualTo(404);

        HttpResponse<String> sent = physician.call("PATCH", location, Map.of("Tus-Resumable", "1.0.0",
                "X-CSRF-Token", csrf, "Content-Type", "application/offset+octet-stream", "Upload-Offset", "0",
                "Upload-Checksum", "sha1 " + java.util.Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-1").digest(text))), text);
        assertThat(sent.statusCode()).isEqualTo(204);
        assertThat(sent.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(text.length));
        assertThat(physician.get("/portal/cases/" + caseId).body()).contains("labs.txt", "Laboratory results");
    }

    @Test
    void everyLanguageHasEveryWordAndThePagesAreLight() throws IOException {
        Properties english = words("");
        for (String language : List.of("es", "pt", "zh", "ar")) {
            Properties translated = words("_" + language);
            Set<String> missing = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                if (!english.getProperty(key).isEmpty() && !translated.containsKey(key)) {
                    missing.add(key);
                }
            }
            assertThat(missing).as("words missing in " + language).isEmpty();
        }
        List<String> departments = QuarkusTransaction.requiringNew().call(() -> org.ipc.departments.Department
                .listInOrder().stream().map(d -> d.code).toList());
        assertThat(departments).as("every department has its words").allSatisfy(
                code -> assertThat(english.getProperty("dept." + code)).isNotBlank());

        String caseId = Portal.submit("physician");
        WebSession physician = signIn("physician", "ar");
        int css = physician.get("/portal-assets/portal.css").body().getBytes(StandardCharsets.UTF_8).length;
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String path : List.of("/portal", "/portal/cases/new", "/portal/cases/" + caseId,
                "/portal/cases/" + caseId + "/withdraw", "/portal/settings")) {
            HttpResponse<String> page = physician.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            int total = page.body().getBytes(StandardCharsets.UTF_8).length + css;
            weights.put(path.replace(caseId, "{id}"), total);
            assertThat(total).as(path + " with its style sheet, uncompressed").isLessThan(100 * 1024);
        }
        StringBuilder table = new StringBuilder("# Portal page weights (Arabic; HTML and CSS as served, uncompressed, "
                + "no script, fonts or images)\n\n| page | bytes |\n| --- | --- |\n");
        weights.forEach((page, bytes) -> table.append("| ").append(page).append(" | ").append(bytes).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "portal-page-weights-as-served.md"), table.toString());
    }

    private WebSession signIn(String user, String language) {
        return WebSession.signIn(URI.create(root.toString()), user, "/portal", language);
    }

    private HttpResponse<String> signInAnyway(String user) {
        return WebSession.signIn(URI.create(root.toString()), user, "/portal", "en").landing();
    }

    private static Map<String, String> caseForm() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "SECOND_OPINION");
        fields.put("department", "cancer-center");
        fields.put("urgency", "ROUTINE");
        fields.put("clinicalSummary", "Ejemplo sintético: Segunda opinión sobre imágenes.");
        fields.put("givenName", "Ana");
        fields.put("familyName", "Souza");
        fields.put("birthDate", "1968-04-02");
        fields.put("sex", "female");
        fields.put("countryOfResidence", "BR");
        fields.put("preferredLanguage", "pt-BR");
        fields.put("email", "ana@example.org");
        fields.put("phone", "+5511999999999");
        fields.put("emailConsent", "on");
        return fields;
    }

    private static void assertNoRawKeys(String html) {
        String text = html.replaceAll("<[^>]*>", " ");
        Matcher raw = RAW_KEY.matcher(text);
        assertThat(raw.find() ? raw.group() : null).as("a words key shown instead of its words").isNull();
    }

    private static Properties words(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PortalPagesTest.class.getResourceAsStream("/portal/words" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
