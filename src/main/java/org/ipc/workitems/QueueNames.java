package org.ipc.workitems;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.departments.Department;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.security.Roles;

/**
 * Queues (candidate groups) and departments in words: {@code coordinator:es} is "Spanish-speaking coordinators",
 * {@code specialist:cancer-center} "Cancer Center specialists". Department names come from the hospital's own list
 * (seeded by migrations), kept in memory once read.
 */
@ApplicationScoped
public class QueueNames {

    @Inject
    DepartmentCatalog departments;

    private final Map<String, String> departmentNames = new ConcurrentHashMap<>();

    /** A candidate group in words; an unknown one as it is. */
    @Transactional
    public String of(String group) {
        if (group == null) {
            return "";
        }
        String coordinators = Roles.COORDINATOR + ":";
        String specialists = Roles.SPECIALIST + ":";
        if (group.startsWith(coordinators)) {
            String language = Locale.forLanguageTag(group.substring(coordinators.length()))
                    .getDisplayLanguage(Locale.ENGLISH);
            return (language.isEmpty() ? group.substring(coordinators.length()) : language) + "-speaking coordinators";
        }
        if (group.startsWith(specialists)) {
            return department(group.substring(specialists.length())) + " specialists";
        }
        return switch (group) {
            case Roles.COORDINATOR -> "All coordinators";
            case Roles.SPECIALIST -> "All specialists";
            case Roles.FINANCE -> "Finance";
            case Roles.SUPERVISOR -> "Supervisors";
            default -> group;
        };
    }

    public List<String> of(Collection<String> groups) {
        return groups.stream().map(this::of).toList();
    }

    /** A department's name ("Cancer Center"); the code itself when the hospital's list lacks it. */
    @Transactional
    public String department(String code) {
        if (code == null) {
            return "";
        }
        String name = departmentNames.get(code);
        if (name == null) {
            name = departments.find(code).map(d -> d.name).orElse(code);
            if (!name.equals(code)) {
                departmentNames.put(code, name);
            }
        }
        return name;
    }

    /** Every department, in the hospital's order. */
    @Transactional
    public List<Department> departments() {
        return departments.all();
    }
}
