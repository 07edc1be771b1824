package org.ipc.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.casework.CaseView;
import org.ipc.casework.CaseViewService;
import org.ipc.common.FieldError;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.workitems.TaskView;

/**
 * What the inbox's pages share: the frame (who is signed in, the section, the refresh), a task as a list shows it, a
 * form field, and the case beside a task or on its own page, with what the caller's roles see of it; and the small
 * helpers of forms. Each page's own template sits in its folder; the shared ones in {@code templates/pages}.
 */
@ApplicationScoped
public class InboxPageParts {

    /** What every page's frame shows: who is signed in, which section is open, how often counts refresh. */
    public record Chrome(String user, String section, int refreshSeconds) {
    }

    /** A task as the page lists it, with its due date in the office's time. */
    public record Row(TaskView task, String due, boolean mine, String followUp) {
    }

    /** A form field as the page renders it: an input per type, with the value last sent. */
    public record Field(String id, String label, String type, boolean required, Map<String, String> choices,
            String value) {
    }

    /** A timeline line with its time written for people. */
    public record Line(String at, String what, String who) {
    }

    /** A message of the conversation, its time in office time. */
    public record Said(String author, String role, String at, String body, boolean fromPhysician) {
    }

    /**
     * The case beside a task, or on its own page, with what the caller's roles see of it (access/AccessPolicy):
     * the clinical summary, the conversation (and whether they may write to it), the mail sent.
     */
    public record CaseSide(CaseView c, String patientNow, String diagram, List<Line> timeline, List<String> steps,
            List<Said> messages, List<FieldError> messageErrors, String draft, String messageAction,
            List<Row> openTasks, List<Doc> documents, boolean clinical, boolean conversation, boolean mayWrite,
            boolean mailLog) {
    }

    /** A document of the case as the page lists it: its kind in words, its size for people, when it came. */
    public record Doc(UUID id, String fileName, String kind, String size, String uploaded) {
    }

    @Inject
    CurrentUser user;

    @Inject
    CaseViewService cases;

    @Inject
    PageTimes times;

    @ConfigProperty(name = "ipc.inbox.refresh-every", defaultValue = "15")
    int refreshSeconds;

    CaseSide side(UUID caseId, List<FieldError> messageErrors, String draft, String messageAction) {
        CaseView c = cases.view(caseId);
        List<Line> timeline = c.timeline().stream()
                .map(e -> new Line(times.office(e.at()), e.label(), e.whoName() == null ? "" : e.whoName())).toList();
        List<Said> said = c.messages().stream().map(m -> new Said(m.authorName(), m.authorRole(),
                times.office(m.createdAt()), m.body(), Roles.PHYSICIAN.equals(m.authorRole()))).toList();
        return new CaseSide(c, times.patientNow(c.patient().timeZone()), cases.diagram(caseId), timeline,
                c.currentSteps().stream().map(CaseView.Step::name).toList(), said, messageErrors, draft, messageAction,
                c.openTasks().stream().map(this::row).toList(),
                c.documents().stream().map(d -> new Doc(d.id(), d.fileName(), org.ipc.common.Words.of(d.kind()),
                        size(d.size()), times.office(d.uploadedAt()))).toList(),
                c.access().parts().contains(CasePart.CLINICAL), c.access().parts().contains(CasePart.MESSAGES),
                c.access().actions().contains(CaseAction.SEND_MESSAGE), c.access().parts().contains(CasePart.MAIL_LOG));
    }

    Chrome chrome(String section) {
        return new Chrome(user.displayName(), section, refreshSeconds);
    }

    Row row(TaskView t) {
        return new Row(t, t.due() == null ? "" : times.office(t.due()), user.id().equals(t.assignee()),
                t.followUp() == null ? "" : times.office(t.followUp()));
    }

    /** A size for people: 840 bytes, 12 KB, 3.4 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A field of a form as the page names it. */
    static String label(String field) {
        return switch (field) {
            case "assignee" -> "The colleague";
            case "taskIds" -> "The selection";
            default -> field;
        };
    }

    static String query(Map<String, String> params) {
        String q = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
    }

    static String value(Map<String, ?> sent, String id) {
        Object v = sent.get(id);
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return v == null ? null : String.valueOf(v);
    }

    static Object parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
