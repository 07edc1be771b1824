package org.ipc.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;

import org.ipc.physicians.PhysicianDirectory;
import org.ipc.physicians.ReferringPhysician;
import org.ipc.security.CurrentUser;

import io.vertx.core.http.HttpServerRequest;

/**
 * What the physician's pages share: their words ({@link PortalWords}: the physician's chosen language, else the
 * browser's first of ours, else English; their zone, else UTC), who is signed in, and a refused field said in those
 * words.
 * Each page's own template sits in its folder; the shared ones (frame, form field) in {@code templates/pages}.
 */
@ApplicationScoped
public class PortalPageParts {

    @Inject
    PhysicianDirectory physicians;

    @Inject
    CurrentUser user;

    @Inject
    HttpServerRequest request;

    /** The signed-in physician's name, for the pages' frame. */
    String user() {
        return user.displayName();
    }

    /** The physician's chosen language, else the browser's first of ours, else English; their zone, else UTC. */
    PortalWords words() {
        ReferringPhysician physician = physicians.currentIfKnown().orElse(null);
        String language = physician == null ? null : physician.portalLanguage;
        if (language == null) {
            language = acceptableLanguages().stream().filter(PortalWords.LANGUAGES::contains).findFirst().orElse("en");
        }
        ZoneId zone = physician != null && physician.timeZone != null ? ZoneId.of(physician.timeZone)
                : ZoneId.of("UTC");
        return new PortalWords(language, zone);
    }

    /** The browser's languages ({@code Accept-Language}), most wanted first; none when it sent none or nonsense. */
    private List<String> acceptableLanguages() {
        String header = request.getHeader("Accept-Language");
        try {
            return header == null ? List.of() : Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0).map(range -> range.getRange().split("-")[0])
                    .toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** A refused field in the physician's language: what kind of check failed, said for that field. */
    static String message(String field, ConstraintViolation<?> v, PortalWords w) {
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank" -> w.t("error.required");
            case "Size" -> w.f("error.tooLong", v.getConstraintDescriptor().getAttributes().get("max"));
            case "Past" -> w.t("error.past");
            case "Email" -> w.t("error.email");
            default -> w.t("error.invalid." + field);
        };
    }

}
