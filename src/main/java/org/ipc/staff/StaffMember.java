package org.ipc.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member of the Center's staff as their last sign-in's token described them: name, e-mail, roles, languages,
 * departments and the candidate groups these make, with their opt-in notices.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    /** The stable Keycloak subject: what tasks and cases record as assignee and owner. */
    @Id
    public String subject;

    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public String languages;

    @Column(nullable = false)
    public String departments;

    @Column(name = "task_groups", nullable = false)
    public String taskGroups;

    @Column(name = "notify_task_assigned", nullable = false)
    public boolean notifyTaskAssigned;

    @Column(name = "notify_physician_message", nullable = false)
    public boolean notifyPhysicianMessage;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public static Optional<StaffMember> find(String subject) {
        return subject == null ? Optional.empty() : findByIdOptional(subject);
    }

    public List<String> roleList() {
        return split(roles);
    }

    public List<String> languageList() {
        return split(languages);
    }

    public List<String> departmentList() {
        return split(departments);
    }

    public List<String> taskGroupList() {
        return split(taskGroups);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
