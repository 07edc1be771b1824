package org.ipc.api;

/** Examples shown in the OpenAPI document (/q/openapi), one place for all of them. Synthetic data only. */
public final class ApiExamples {

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

    public static final String INVALID = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "2 fields are invalid",
             "instance": "/api/portal/cases", "requestId": "b3c9...",
             "errors": [{"field": "patient.countryOfResidence",
                         "message": "must be an ISO 3166-1 alpha-2 country code, such as BR or AE"},
                        {"field": "patient.timeZone",
                         "message": "must be an IANA time zone, such as America/Sao_Paulo or Asia/Dubai"}]}""";

    public static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "Case was not found",
             "instance": "/api/portal/cases/0f9a5c1e-2b7d-4e47-9a53-7d1f0c4b8e21", "requestId": "b3c9..."}""";

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

    public static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "Send a valid bearer token from the hospital's identity server"}""";

    private ApiExamples() {
    }
}
