package org.ipc.api;

import java.util.Map;

/** Examples shown in the OpenAPI document (/q/openapi), one place for all of them. Synthetic data only. */
public final class ApiExamples {

    /** A named example of an operation's answer. */
    public record Answer(String name, String json) {
    }

    public static final String NEW_CASE = """
            {"type": "SECOND_OPINION", "department": "cancer-center", "urgency": "ROUTINE",
             "clinicalSummary": "Synthetic example: 54-year-old, imaging attached separately.",
             "patient": {"givenName": "Ana", "familyName": "Souza", "birthDate": "1968-04-02", "sex": "female",
               "countryOfResidence": "BR", "preferredLanguage": "pt-BR", "email": "ana@example.org",
               "phone": "+5511999999999", "timeZone": "America/Sao_Paulo", "emailConsent": true}}""";

    public static final String CASE = """
            {"id": "0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21", "reference": "IPC-2026-000123", "status": "SUBMITTED",
             "type": "SECOND_OPINION", "department": "cancer-center", "urgency": "ROUTINE",
             "clinicalSummary": "Synthetic example: 54-year-old, imaging attached separately.",
             "patient": {"givenName": "Ana", "familyName": "Souza", "birthDate": "1968-04-02", "sex": "female",
               "countryOfResidence": "BR", "preferredLanguage": "pt-BR", "email": "ana@example.org",
               "phone": "+5511999999999", "timeZone": "America/Sao_Paulo", "emailConsent": true},
             "createdAt": "2026-11-21T15:00:00Z",
             "acknowledgement": {"at": "2026-11-21T15:00:00Z", "officeOpen": false,
               "officeOpensAt": "2026-11-23T10:00-03:00", "timeZone": "America/Sao_Paulo", "language": "pt",
               "message": "Recebemos a sua solicitação IPC-2026-000123. ..."},
             "history": [{"status": "SUBMITTED", "at": "2026-11-21T15:00:00Z"}]}""";

    public static final String CASE_LIST = """
            {"items": [{"id": "0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21", "reference": "IPC-2026-000123",
              "status": "UNDER_REVIEW", "type": "SECOND_OPINION", "department": "cancer-center", "urgency": "ROUTINE",
              "patientName": "Ana Souza", "createdAt": "2026-11-21T15:00:00Z"}], "total": 1}""";

    public static final String DOCUMENTS = """
            {"items": [{"id": "6d0c2f57-5b8e-4a8a-9d55-0d7b8b7a3c10", "kind": "PATHOLOGY_REPORT",
              "fileName": "pathology.pdf", "contentType": "application/pdf", "size": 182344,
              "sha256": "56c2ac043c28d3543275a6f50b593a6beb0b6888ed8159ac02e3e7f4a32ccb26", "language": "pt-BR",
              "uploadedAt": "2026-11-23T14:02:11Z", "uploadedByStaff": false}], "total": 1}""";

    public static final String NEW_MESSAGE = """
            {"body": "The pathology slides were sent by courier today."}""";

    public static final String MESSAGE = """
            {"id": "3c2b8a3e-9f0d-4f55-a1f8-5e7d7a6c9b01", "body": "The pathology slides were sent by courier today.",
             "authorName": "Dr. Haddad", "authorRole": "physician", "createdAt": "2026-11-23T14:05:00Z"}""";

    public static final String MESSAGES = "{\"items\": [" + MESSAGE + "], \"total\": 1}";

    public static final String NEW_STAFF_MESSAGE = """
            {"body": "Thank you. Could you also send the last CT report?"}""";

    public static final String STAFF_MESSAGE = """
            {"id": "8a4f2b6c-1d3e-4c5f-9a7b-0e2d4f6a8c13", "body": "Thank you. Could you also send the last CT report?",
             "authorName": "Maria Lopez", "authorRole": "coordinator", "createdAt": "2026-11-23T15:12:00Z"}""";

    public static final String TASKS = """
            {"items": [{"id": "a3f1c2d4-5e6f-11f1-8439-02fc00000001", "name": "Intake review", "taskKey": "IntakeReview",
              "process": "second-opinion", "processName": "Second opinion", "caseId": "0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21",
              "caseReference": "IPC-2026-000123", "patientName": "Ana Souza", "language": "pt", "languageName": "Portuguese",
              "department": "cancer-center", "departmentName": "Cancer Center", "urgency": "ROUTINE",
              "urgencyLabel": "Routine", "caseStatus": "SUBMITTED", "statusLabel": "Submitted",
              "due": "2026-11-24T15:00:00Z", "overdue": false, "waiting": false, "priority": 50,
              "candidateGroups": ["coordinator:pt"], "queueNames": ["Coordinators (Portuguese)"],
              "created": "2026-11-23T15:00:00Z"}], "total": 1}""";

    public static final String CLAIMED_TASK = """
            {"id": "a3f1c2d4-5e6f-11f1-8439-02fc00000001", "name": "Intake review", "taskKey": "IntakeReview",
              "process": "second-opinion", "processName": "Second opinion", "caseId": "0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21",
              "caseReference": "IPC-2026-000123", "patientName": "Ana Souza", "language": "pt", "languageName": "Portuguese",
              "department": "cancer-center", "departmentName": "Cancer Center", "urgency": "ROUTINE",
              "urgencyLabel": "Routine", "caseStatus": "SUBMITTED", "statusLabel": "Submitted",
              "due": "2026-11-24T15:00:00Z", "overdue": false, "waiting": false, "priority": 50,
              "assignee": "7d5e9a10-3c2b-4f8e-a1d6-5b4c3a2f1e09", "assigneeName": "Maria Lopez",
              "caseOwner": "7d5e9a10-3c2b-4f8e-a1d6-5b4c3a2f1e09", "caseOwnerName": "Maria Lopez",
              "candidateGroups": ["coordinator:pt"], "queueNames": ["Coordinators (Portuguese)"],
              "created": "2026-11-23T15:00:00Z"}""";

    public static final String TASK_COMPLETION = """
            {"variables": {"decision": "accept", "recordsComplete": true, "recordsInEnglish": true}}""";

    public static final String COMPLETED_TASK = """
            {"taskId": "a3f1c2d4-5e6f-11f1-8439-02fc00000001", "caseId": "0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21",
             "caseStatus": "UNDER_REVIEW"}""";

    public static final String BAD_FORM_VALUE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "2 fields are invalid",
             "instance": "/api/inbox/tasks/a3f1c2d4-5e6f-11f1-8439-02fc00000001/complete",
             "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13",
             "errors": [{"field": "variables.recordsComplete", "message": "is required"},
                        {"field": "variables.decision", "message": "must be one of [accept, decline]"}]}""";

    public static final String TASK_HELD = """
            {"type": "about:blank", "title": "Conflict", "status": 409, "detail": "This task is held by Maria Lopez",
             "instance": "/api/inbox/tasks/a3f1c2d4-5e6f-11f1-8439-02fc00000001/claim",
             "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String CASE_ENDED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "The case is withdrawn; it takes no visa letter",
             "instance": "/api/cases/0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21/visa-letters",
             "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String VERIFICATION = """
            {"status": "VALID", "issuer": "General Hospital", "name": "SOUZA, ANA", "plannedArrival": "2027-01-10",
             "plannedDeparture": "2027-01-24", "issuedOn": "2026-12-01"}""";

    public static final String NO_LETTER = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "A letter with this verification code from General Hospital was not found",
             "instance": "/verify/K7M2-Q9TX-4HPA", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String DEPARTMENTS = """
            [{"code": "cancer-center", "name": "Cancer Center"}, {"code": "heart-center", "name": "Heart Center"},
             {"code": "neurology", "name": "Neurology"}, {"code": "orthopaedic-surgery", "name": "Orthopaedic Surgery"}]""";

    public static final String INVALID = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "2 fields are invalid",
             "instance": "/api/portal/cases", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13",
             "errors": [{"field": "patient.countryOfResidence",
                         "message": "must be an ISO 3166-1 alpha-2 country code, such as BR or AE"},
                        {"field": "patient.timeZone",
                         "message": "must be an IANA time zone, such as America/Sao_Paulo or Asia/Dubai"}]}""";

    public static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "Case was not found",
             "instance": "/api/portal/cases/0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "The case is already withdrawn; it cannot be withdrawn", "instance": "/api/portal/cases/.../withdraw"}""";

    public static final String KEY_REUSED = """
            {"type": "about:blank", "title": "Idempotency key reused", "status": 422,
             "detail": "This Idempotency-Key was used for a different request; use a new key for a new request",
             "errors": [{"field": "Idempotency-Key", "message": "was used for a different request"}]}""";

    public static final String TOO_LARGE = """
            {"type": "about:blank", "title": "File too large", "status": 413,
             "detail": "file[0]: scan.dcm is larger than the limit of 50 MB",
             "errors": [{"field": "file[0]", "message": "scan.dcm is larger than the limit of 50 MB"}]}""";

    public static final String UNSUPPORTED = """
            {"type": "about:blank", "title": "File type does not match its content", "status": 415,
             "detail": "file[0]: scan.pdf was sent as application/pdf but its content is image/png",
             "errors": [{"field": "file[0]", "message": "scan.pdf was sent as application/pdf but its content is image/png"}]}""";

    public static final String TUS_VERSION = """
            {"type": "about:blank", "title": "Precondition failed", "status": 412,
             "detail": "Send Tus-Resumable: 1.0.0; this server speaks tus 1.0.0",
             "errors": [{"field": "Tus-Resumable", "message": "must be 1.0.0"}]}""";

    public static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "Send a valid bearer token from the hospital's identity server"}""";

    public static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "Your role does not allow this action",
             "instance": "/api/audit", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String BODY_TOO_LARGE = """
            {"type": "about:blank", "title": "Request too large", "status": 413,
             "detail": "The request body is larger than the limit of 1 MB", "instance": "/api/portal/cases",
             "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String NOT_JSON = """
            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
             "detail": "Send the body as application/json", "instance": "/api/portal/cases",
             "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String TOO_MANY = """
            {"type": "about:blank", "title": "Too many requests", "status": 429,
             "detail": "More than 60 requests in a minute from your address to /api/office-hours; retry after 4 s",
             "instance": "/api/office-hours", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String FAILED = """
            {"type": "about:blank", "title": "Internal error", "status": 500,
             "detail": "The request could not be completed; quote request id 5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13 when you report it",
             "instance": "/api/portal/cases", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String UNAVAILABLE = """
            {"type": "about:blank", "title": "Service unavailable", "status": 503,
             "detail": "The database cannot be reached at the moment; try again in a few seconds (a submission with the same Idempotency-Key is safe to repeat)",
             "instance": "/api/portal/cases", "requestId": "5b0c3a52-8f1e-4d7a-9c61-2e4f0a9d7b13"}""";

    public static final String CASE_UNDER_REVIEW = CASE.replace("\"status\": \"SUBMITTED\"", "\"status\": \"UNDER_REVIEW\"")
            .replace("[{\"status\": \"SUBMITTED\", \"at\": \"2026-11-21T15:00:00Z\"}]",
                    "[{\"status\": \"SUBMITTED\", \"at\": \"2026-11-21T15:00:00Z\"},"
                            + " {\"status\": \"UNDER_REVIEW\", \"at\": \"2026-11-23T14:30:00Z\"}]");

    public static final String CASE_WITHDRAWN = CASE.replace("\"status\": \"SUBMITTED\"", "\"status\": \"WITHDRAWN\"")
            .replace("[{\"status\": \"SUBMITTED\", \"at\": \"2026-11-21T15:00:00Z\"}]",
                    "[{\"status\": \"SUBMITTED\", \"at\": \"2026-11-21T15:00:00Z\"},"
                            + " {\"status\": \"WITHDRAWN\", \"at\": \"2026-11-22T09:10:00Z\"}]");

    /**
     * The success answer's example of the main operations, by operationId. {@link ApiDocumentFilter} puts each on its
     * operation's first 2xx JSON answer, whose schema the scanner takes from the method's own return type (an
     * example written into an {@code @APIResponse} would keep it from doing so).
     */
    public static final Map<String, Answer> ANSWERS = Map.ofEntries(
            Map.entry("submitCase", new Answer("submitted", CASE)),
            Map.entry("listCases", new Answer("own cases", CASE_LIST)),
            Map.entry("getCase", new Answer("under review", CASE_UNDER_REVIEW)),
            Map.entry("withdrawCase", new Answer("withdrawn", CASE_WITHDRAWN)),
            Map.entry("uploadDocuments", new Answer("stored", DOCUMENTS)),
            Map.entry("listDocuments", new Answer("documents", DOCUMENTS)),
            Map.entry("postMessage", new Answer("posted", MESSAGE)),
            Map.entry("listMessages", new Answer("conversation", MESSAGES)),
            Map.entry("postStaffMessage", new Answer("posted", STAFF_MESSAGE)),
            Map.entry("listTasks", new Answer("unassigned intake", TASKS)),
            Map.entry("claimTask", new Answer("claimed", CLAIMED_TASK)),
            Map.entry("completeTask", new Answer("intake accepted", COMPLETED_TASK)),
            Map.entry("listDepartments", new Answer("departments", DEPARTMENTS)),
            Map.entry("verifyVisaLetter", new Answer("genuine", VERIFICATION)));

    private ApiExamples() {
    }
}
