package org.ipc.workflow;

import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads a {@code camunda:property} of a BPMN element, the way our listeners take their settings from the model
 * (visible in Camunda Modeler's properties panel) instead of from fields injected into shared beans.
 */
final class ModelProperties {

    private ModelProperties() {
    }

    static Optional<String> of(BaseElement element, String name) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getChildElementsByType(CamundaProperties.class).stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }

    static String required(BaseElement element, String name) {
        return of(element, name).orElseThrow(() -> new IllegalStateException(
                "BPMN element " + element.getId() + " needs the camunda:property '" + name + "'"));
    }
}
