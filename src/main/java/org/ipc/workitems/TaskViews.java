package org.ipc.workitems;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.common.Words;
import org.ipc.staff.StaffDirectory;

/** Work items as the inbox shows them: codes with their words beside, people by name (one look-up per page). */
@ApplicationScoped
public class TaskViews {

    @Inject
    StaffDirectory directory;

    @Inject
    QueueNames queues;

    @Transactional
    public List<TaskView> of(List<WorkItem> items, Instant now) {
        Set<String> people = new HashSet<>();
        items.forEach(w -> {
            people.add(w.assignee());
            people.add(w.caseOwner());
        });
        Map<String, String> names = directory.namesOf(people);
        return items.stream().map(w -> view(w, now, names)).toList();
    }

    @Transactional
    public TaskView of(WorkItem item, Instant now) {
        return of(List.of(item), now).get(0);
    }

    private TaskView view(WorkItem w, Instant now, Map<String, String> names) {
        return new TaskView(w.taskId(), w.name(), w.taskKey(), w.process(), Words.phrase(w.process()), w.caseId(),
                w.caseReference(), w.patientName(), w.language(), Words.language(w.language()), w.department(),
                queues.department(w.department()), w.urgency(), Words.phrase(w.urgency()), w.caseStatus(),
                Words.phrase(w.caseStatus()), w.due(), w.isOverdue(now), w.followUp(),
                w.followUp() != null && w.followUp().isAfter(now), w.priority(), w.assignee(), name(names, w.assignee()),
                w.candidateGroups(), queues.of(w.candidateGroups()), w.caseOwner(), name(names, w.caseOwner()),
                w.created());
    }

    private static String name(Map<String, String> names, String subject) {
        return subject == null ? null : names.getOrDefault(subject, StaffDirectory.unknown(subject));
    }
}
