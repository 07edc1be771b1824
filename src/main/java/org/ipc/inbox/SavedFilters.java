package org.ipc.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.ipc.common.ConflictException;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.common.Page;
import org.ipc.common.Words;
import org.ipc.security.CurrentUser;
import org.ipc.staff.StaffDirectory;
import org.ipc.workitems.QueueNames;
import org.ipc.workitems.WorkItemFilter;

/**
 * Saved inbox filters, kept on the server: a team shares a view of its work by sharing a filter with its queue. Each
 * list answer carries every filter's count for the caller (the counters answer the plain ones; a filtered one is an
 * index count).
 */
@ApplicationScoped
public class SavedFilters {

    /** Most filters one person keeps. */
    static final int MAX_PER_OWNER = 50;

    @Inject
    CurrentUser user;

    @Inject
    InboxService inbox;

    @Inject
    StaffDirectory directory;

    @Inject
    QueueNames names;

    @Inject
    Clock clock;

    @Transactional
    public Page<SavedFilterView> list() {
        directory.signedIn();
        List<SavedFilter> filters = SavedFilter.visibleTo(user.id(), user.taskGroups());
        Map<String, String> owners = directory.namesOf(filters.stream().map(f -> f.owner).collect(Collectors.toSet()));
        List<SavedFilterView> views = filters.stream().map(f -> view(f, owners)).toList();
        return new Page<>(views, views.size());
    }

    @Transactional
    public SavedFilterView get(UUID id) {
        SavedFilter f = visible(id);
        return view(f, directory.namesOf(Set.of(f.owner)));
    }

    /** The inbox filter a saved one stands for, if the caller may use it. */
    @Transactional
    public WorkItemFilter filterOf(UUID id) {
        return toFilter(visible(id));
    }

    @Transactional
    public SavedFilterView create(@Valid FilterDefinition definition) {
        directory.signedIn();
        if (SavedFilter.countOwnedBy(user.id()) >= MAX_PER_OWNER) {
            throw new ConflictException("You keep " + MAX_PER_OWNER + " filters already; delete one first");
        }
        SavedFilter f = new SavedFilter();
        f.id = UUID.randomUUID();
        f.owner = user.id();
        f.createdAt = Instant.now(clock);
        apply(f, definition);
        f.persist();
        return view(f, directory.namesOf(Set.of(f.owner)));
    }

    @Transactional
    public SavedFilterView update(UUID id, @Valid FilterDefinition definition) {
        SavedFilter f = owned(id);
        apply(f, definition);
        return view(f, directory.namesOf(Set.of(f.owner)));
    }

    @Transactional
    public void delete(UUID id) {
        owned(id).delete();
    }

    private void apply(SavedFilter f, FilterDefinition d) {
        List<String> groups = user.taskGroups();
        List<FieldError> errors = new ArrayList<>();
        String shared = blankToNull(d.sharedWith());
        if (shared != null && !groups.contains(shared)) {
            errors.add(new FieldError("sharedWith", "must be one of your queues (" + String.join(", ", groups) + ")"));
        }
        String queue = blankToNull(d.queue());
        if (queue != null && !groups.contains(queue)) {
            errors.add(new FieldError("queue", "must be one of your queues (" + String.join(", ", groups) + ")"));
        }
        String department = blankToNull(d.department());
        if (department != null && names.department(department).equals(department)) {
            errors.add(new FieldError("department", "is not one of the hospital's departments (GET /api/departments)"));
        }
        String name = d.name().strip();
        if (SavedFilter.nameTaken(user.id(), name, f.id)) {
            errors.add(new FieldError("name", "you already have a filter with this name"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        f.name = name;
        f.sharedWith = shared;
        f.assignee = blankToNull(d.assignee());
        f.queue = queue;
        f.language = blankToNull(d.language());
        f.department = department;
        f.overdue = d.overdue();
        f.followUp = blankToNull(d.followUp());
        f.process = blankToNull(d.process());
        f.sort = d.sort() == null || d.sort().isBlank() ? "due" : d.sort();
        f.updatedAt = Instant.now(clock);
    }

    private SavedFilter visible(UUID id) {
        return SavedFilter.<SavedFilter>findByIdOptional(id)
                .filter(f -> f.owner.equals(user.id()) || f.sharedWith != null && user.taskGroups().contains(f.sharedWith))
                .orElseThrow(() -> new NotFoundException("Filter"));
    }

    /** A filter only its owner changes; a colleague's shared filter is as good as missing for that. */
    private SavedFilter owned(UUID id) {
        return SavedFilter.<SavedFilter>findByIdOptional(id).filter(f -> f.owner.equals(user.id()))
                .orElseThrow(() -> new NotFoundException("Filter"));
    }

    static WorkItemFilter toFilter(SavedFilter f) {
        return new WorkItemFilter(f.assignee == null ? null : WorkItemFilter.Assignee.valueOf(f.assignee.toUpperCase(Locale.ROOT)),
                f.queue, f.language, f.department, f.overdue, followUpOf(f.followUp), null, null, null, f.process,
                sortOf(f.sort));
    }

    private SavedFilterView view(SavedFilter f, Map<String, String> owners) {
        FilterDefinition d = new FilterDefinition(f.name, f.sharedWith, f.assignee, f.queue, f.language, f.department,
                f.overdue, f.followUp, f.process, f.sort);
        return new SavedFilterView(f.id, f.name, f.owner, owners.getOrDefault(f.owner, StaffDirectory.unknown(f.owner)),
                f.owner.equals(user.id()), f.sharedWith, f.sharedWith == null ? null : names.of(f.sharedWith), d,
                summary(d), inbox.count(toFilter(f)), query(d));
    }

    /** The filter in words: "Unassigned · Spanish-speaking coordinators · Spanish · overdue · by priority". */
    String summary(FilterDefinition d) {
        List<String> parts = new ArrayList<>();
        if (d.assignee() != null) {
            parts.add("me".equals(d.assignee()) ? "Mine" : "Unassigned");
        }
        if (d.queue() != null) {
            parts.add(names.of(d.queue()));
        }
        if (d.language() != null) {
            parts.add("patients speaking " + Words.language(d.language()));
        }
        if (d.department() != null) {
            parts.add(names.department(d.department()));
        }
        if (d.process() != null) {
            parts.add(Words.phrase(d.process()));
        }
        if (d.overdue() != null) {
            parts.add(d.overdue() ? "overdue" : "not overdue");
        }
        if (d.followUp() != null) {
            parts.add(switch (d.followUp()) {
                case "due" -> "follow-up date come";
                case "waiting" -> "set aside for follow-up";
                case "none" -> "no follow-up date";
                default -> "whatever the follow-up date";
            });
        }
        parts.add("by " + switch (d.sort() == null ? "due" : d.sort()) {
            case "priority" -> "priority";
            case "created" -> "age, oldest first";
            case "follow-up" -> "follow-up date";
            default -> "due date";
        });
        return String.join(" · ", parts);
    }

    private static String query(FilterDefinition d) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("assignee", d.assignee());
        q.put("queue", d.queue());
        q.put("language", d.language());
        q.put("department", d.department());
        q.put("overdue", d.overdue());
        q.put("followUp", d.followUp());
        q.put("process", d.process());
        q.put("sort", d.sort());
        return q.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static WorkItemFilter.FollowUp followUpOf(String value) {
        return value == null ? null : WorkItemFilter.FollowUp.valueOf(value.toUpperCase(Locale.ROOT));
    }

    static WorkItemFilter.Sort sortOf(String value) {
        return value == null ? null : WorkItemFilter.Sort.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
