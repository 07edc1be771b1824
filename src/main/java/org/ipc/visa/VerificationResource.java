package org.ipc.visa;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ipc.common.NotFoundException;
import org.ipc.hospital.HospitalConfig;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.ipc.api.ApiDocument;
import org.ipc.api.ApiExamples;

/**
 * The public check of a visa invitation letter, for a consulate officer: a server-rendered page (no script) or,
 * when asked with {@code Accept: application/json}, JSON. A code never issued, mistyped or altered gets one and the
 * same 404. Public and meant to be rate-limited per address by the shared limiter of public endpoints.
 */
@Path("/verify/{code}")
@Tag(name = ApiDocument.PUBLIC)
@PermitAll
public class VerificationResource {

    /** What the page shows. */
    public record Page(String hospital, String code, Verification verification) {
    }

    @Inject
    VisaLetterService letters;

    @Inject
    HospitalConfig hospital;

    @Location("verify/letter.html")
    Template page;

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @Operation(operationId = "verifyVisaLetter", summary = "Check a visa invitation letter by its verification code",
            description = "For a consulate: genuine or not, the name, the planned dates and the issue date; nothing"
                    + " clinical. A code never issued, mistyped or altered gets one and the same 404. A browser (Accept:"
                    + " text/html) gets the same as a page.")
    @APIResponse(responseCode = "200", description = "The letter is genuine (status VALID) or was revoked (status REVOKED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No letter with this code", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown code", value = ApiExamples.NO_LETTER)))
    public Response verify(@PathParam("code") String code, HttpHeaders headers) {
        Optional<Verification> verification = letters.verify(code);
        if (wantsJson(headers)) {
            return verification.map(v -> Response.ok(v, MediaType.APPLICATION_JSON_TYPE).build())
                    .orElseThrow(() -> new NotFoundException("A letter with this verification code from "
                            + hospital.name()));
        }
        String html = page.data("page", new Page(hospital.name(), shown(code), verification.orElse(null))).render();
        return Response.status(verification.isPresent() ? 200 : 404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html).build();
    }

    /** JSON only when asked for ahead of HTML; a browser (or {@code *}/{@code *}) gets the page. */
    private static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** The code as typed, for the page to repeat, cut short so a crafted address cannot fill the page. */
    private static String shown(String code) {
        return code == null ? "" : code.length() > 40 ? code.substring(0, 40) + "…" : code;
    }
}
