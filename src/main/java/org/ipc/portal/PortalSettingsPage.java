package org.ipc.portal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ipc.api.PageForms;
import org.ipc.api.Redirects;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.security.Roles;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The physician's language and time zone, kept with them for every later visit.
 */
@Path("/portal")
@PageForms
@RolesAllowed(Roles.PHYSICIAN)
@Produces(MediaType.TEXT_HTML)
public class PortalSettingsPage {

    @Inject
    PhysicianDirectory physicians;

    @Inject
    PortalPageParts parts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(PortalWords w, String user, String language, String zone,
                Map<String, String> errors);
    }

    @GET
    @Path("/settings")
    public TemplateInstance settings() {
        PortalWords w = parts.words();
        return Templates.settings(w, parts.user(), w.lang(), w.zone(), Map.of());
    }

    /** The physician's language and time zone, kept with them for every later visit. */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@RestForm String language, @RestForm String timeZone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (language == null || !PortalWords.LANGUAGES.contains(language)) {
            errors.put("language", parts.words().t("error.invalid.language"));
        }
        if (zone != null && !isZone(zone)) {
            errors.put("timeZone", parts.words().t("error.invalid.timeZone"));
        }
        if (!errors.isEmpty()) {
            PortalWords w = parts.words();
            return Response.status(400).entity(Templates.settings(w, parts.user(), language, timeZone, errors))
                    .build();
        }
        physicians.choosePortalPreferences(language, zone);
        return Redirects.seeOther("/portal");
    }

    private static boolean isZone(String zone) {
        return "UTC".equals(zone) || zone.contains("/") && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
