package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The models in bpmn/ are deployed, valid, named (joins may stay unnamed), and drawn: they open in Camunda Modeler as they run. */
class ProcessModelsTest {

    static Stream<String> models() {
        return ProcessDeployer.MODELS.stream();
    }

    @Test
    void everyModelInTheFolderIsDeployed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            Set<String> inFolder = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
                    .collect(Collectors.toSet());
            assertThat(inFolder).containsExactlyInAnyOrderElementsOf(ProcessDeployer.MODELS);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsNamedAndDrawn(String model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(Path.of("bpmn", model).toFile());
        Bpmn.validateModel(bpmn);

        Collection<FlowNode> nodes = bpmn.getModelElementsByType(FlowNode.class);
        Set<String> shapes = bpmn.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = bpmn.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            boolean join = node instanceof Gateway && node.getOutgoing().size() == 1;
            if (!join) {
                assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            }
            assertThat(shapes).as("shape of %s", node.getId()).contains(node.getId());
            assertThat(node.getId()).as("readable id").doesNotContain("Activity_").doesNotContain("Event_");
        });
        assertThat(bpmn.getModelElementsByType(SequenceFlow.class))
                .allSatisfy(flow -> assertThat(edges).as("edge of %s", flow.getId()).contains(flow.getId()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void userTaskIdsAreTheStableTaskKeysOfTheContract(String model) {
        BpmnModelInstance bpmn = Bpmn.readModelFromFile(Path.of("bpmn", model).toFile());
        List<String> userTasks = bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
                .stream().map(FlowElement::getId).toList();
        assertThat(userTasks).isNotEmpty().allMatch(id -> id.matches("[A-Z][A-Za-z]+"), "PascalCase task key")
                .contains("IntakeReview");
    }
}
