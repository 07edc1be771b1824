package org.ipc.workflow;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ipc.security.Roles;

/**
 * Finds the coordinator tasks of every deployed process (candidate groups naming {@code coordinator}) and
 * attaches the single-point-of-contact listener to their create and complete events.
 */
final class CoordinatorTaskParseListener extends AbstractBpmnParseListener {

    private final TaskListener ownership;

    CoordinatorTaskParseListener(TaskListener ownership) {
        this.ownership = ownership;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        boolean forCoordinators = definition.getCandidateGroupIdExpressions().stream()
                .map(Expression::getExpressionText)
                .anyMatch(text -> text.contains(Roles.COORDINATOR));
        if (forCoordinators) {
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, ownership);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, ownership);
        }
    }
}
