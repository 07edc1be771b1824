package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/**
 * docs/processes.md and its diagrams are generated from bpmn/: this test fails when they drift from the models.
 * Regenerate with {@code ./mvnw test -Dtest=ProcessDocsTest -Ddocs.update=true}.
 */
class ProcessDocsTest {

    private static final Path DOCS = Path.of("docs");
    private static final Map<String, String> WHO = Map.of(
            "${coordinatorGroup}", "coordinators who speak the patient's language (every coordinator when none does); after the first, the case's owner",
            "coordinator", "any coordinator",
            "${specialistGroup}", "specialists of the case's department",
            "supervisor", "supervisors",
            "finance", "finance");

    @Test
    void processDocumentationMatchesTheModels() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Processes

                Generated from `bpmn/` by `ProcessDocsTest` (regenerate: `./mvnw test -Dtest=ProcessDocsTest -Ddocs.update=true`).
                The diagrams are drawn from the models' own diagram information by `workflow/ProcessDiagram`, the
                renderer the inbox's case page uses. Times marked `business:` count office time
                (`docs/business-time.md`). Every task's form is declared in the model (`camunda:formData`); the inbox
                checks a completion against it and answers 400 naming each missing or wrong field. Free-text answers
                are kept as case notes, never as process variables.

                Any case can be withdrawn at any point: the physician's `POST /api/portal/cases/{id}/withdraw` sends
                the message `CaseWithdrawn`, whose interrupting event subprocess ends every open task and timer and
                records the withdrawal.
                """);
        List<String> problems = new ArrayList<>();
        for (String file : ProcessDeployer.MODELS) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", file).toFile());
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            String svgName = file.replace(".bpmn", ".svg");
            check(DOCS.resolve("diagrams").resolve(svgName), ProcessDiagram.svg(model, Set.of()), problems);
            md.append("\n## ").append(process.getName()).append(" (`bpmn/").append(file).append("`)\n\n");
            md.append(documentation(process)).append("\n\n");
            md.append("![").append(process.getName()).append("](diagrams/").append(svgName).append(")\n\n");
            md.append("| task | step | who | due | form |\n| --- | --- | --- | --- | --- |\n");
            for (UserTask task : inDrawingOrder(model, UserTask.class)) {
                md.append("| `").append(task.getId()).append("` | ").append(task.getName()).append(" | ")
                        .append(who(task.getCamundaCandidateGroups())).append(" | ")
                        .append(task.getCamundaDueDate() == null ? scheduled(task) : "`" + task.getCamundaDueDate() + "`")
                        .append(" | ").append(form(task)).append(" |\n");
            }
            md.append("\n**Timers:** ").append(inDrawingOrder(model, BoundaryEvent.class).stream()
                    .filter(b -> !b.getChildElementsByType(TimerEventDefinition.class).isEmpty())
                    .map(b -> b.getName() + " (`" + timer(b) + "`" + (b.cancelActivity() ? "" : ", non-interrupting")
                            + ")")
                    .collect(Collectors.joining("; "))).append(".\n\n");
            md.append("**Messages:** ").append(model.getModelElementsByType(Message.class).stream()
                    .map(m -> "`" + m.getName() + "`").sorted().collect(Collectors.joining(", "))).append(".\n");
        }
        check(DOCS.resolve("processes.md"), md.toString(), problems);
        assertThat(problems).as("regenerate with ./mvnw test -Dtest=ProcessDocsTest -Ddocs.update=true").isEmpty();
    }

    private static void check(Path file, String expected, List<String> problems) throws IOException {
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        } else if (!Files.exists(file) || !Files.readString(file).equals(expected)) {
            problems.add(file + " is out of date");
        }
    }

    private static <T extends org.camunda.bpm.model.bpmn.instance.BaseElement> List<T> inDrawingOrder(
            BpmnModelInstance model, Class<T> type) {
        Map<String, double[]> position = model.getModelElementsByType(BpmnShape.class).stream().collect(
                Collectors.toMap(s -> s.getBpmnElement().getId(),
                        s -> new double[] { s.getBounds().getX(), s.getBounds().getY() }));
        return model.getModelElementsByType(type).stream()
                .sorted(Comparator.<T>comparingDouble(e -> position.get(e.getId())[0])
                        .thenComparingDouble(e -> position.get(e.getId())[1]))
                .toList();
    }

    private static String documentation(Process process) {
        return process.getChildElementsByType(Documentation.class).stream().map(Documentation::getTextContent)
                .collect(Collectors.joining(" "));
    }

    private static String who(String candidateGroups) {
        return WHO.getOrDefault(candidateGroups, candidateGroups);
    }

    private static String scheduled(UserTask task) {
        return task.getId().equals("FollowUpCall") ? "a time the patient can take a call" : "";
    }

    private static String timer(BoundaryEvent event) {
        TimerEventDefinition timer = event.getChildElementsByType(TimerEventDefinition.class).iterator().next();
        TimeDuration duration = timer.getTimeDuration();
        TimeDate date = timer.getTimeDate();
        TimeCycle cycle = timer.getTimeCycle();
        return duration != null ? duration.getTextContent() : date != null ? date.getTextContent()
                : cycle.getTextContent();
    }

    private static String form(UserTask task) {
        if (task.getExtensionElements() == null) {
            return "";
        }
        return task.getExtensionElements().getChildElementsByType(CamundaFormData.class).stream()
                .flatMap(data -> data.getCamundaFormFields().stream())
                .map(ProcessDocsTest::field).collect(Collectors.joining("<br>"));
    }

    private static String field(CamundaFormField f) {
        boolean required = f.getCamundaValidation() != null && f.getCamundaValidation().getCamundaConstraints()
                .stream().anyMatch(c -> "required".equals(c.getCamundaName()));
        String choices = f.getCamundaValues().isEmpty() ? ""
                : " (" + f.getCamundaValues().stream().map(v -> v.getCamundaId()).collect(Collectors.joining(" / "))
                        + ")";
        return "`" + f.getCamundaId() + "` " + f.getCamundaType() + choices + (required ? ", required" : "");
    }
}
