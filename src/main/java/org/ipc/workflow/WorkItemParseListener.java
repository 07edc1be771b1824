package org.ipc.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches {@link WorkItemListener} to every event of every user task of every deployed model, so no BPMN file has to
 * declare it and none can forget it. A post-parse listener: it is added after the model's own task listeners (a due
 * date a create listener computes is in place when the read model records the task).
 */
final class WorkItemParseListener extends AbstractBpmnParseListener {

    static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final TaskListener workItems;

    WorkItemParseListener(TaskListener workItems) {
        this.workItems = workItems;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        EVENTS.forEach(event -> definition.addTaskListener(event, workItems));
    }
}
