package org.ipc.operations;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An engine job that failed for good, as admins see it: which case and step, the kind of error and when. Never the
 * error's message or stack trace, which can carry patient data.
 */
@Schema(name = "Incident")
public record Incident(String id, UUID caseId, String caseReference, String process, String step, String errorClass,
        Instant failedAt) {
}
