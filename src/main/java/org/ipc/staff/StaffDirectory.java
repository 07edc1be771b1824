package org.ipc.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.ipc.common.InvalidInputException;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

/**
 * The Center's staff by name: filled from the token each time a staff member signs in (the first inbox request of a
 * sign-in, and whenever their token says something new), so that owners, assignees and colleagues show by name and
 * work can be handed to a colleague by name. Each replica remembers what it last wrote for whom and writes again only
 * when the token differs: a request costs no write.
 */
@ApplicationScoped
public class StaffDirectory {

    /** A colleague as pickers and lists show them. */
    public record Colleague(String subject, String name, String email, List<String> roles, List<String> languages,
            List<String> departments, List<String> taskGroups) {

        static Colleague of(StaffMember m) {
            return new Colleague(m.subject, m.displayName, m.email, m.roleList(), m.languageList(),
                    m.departmentList(), m.taskGroupList());
        }
    }

    /** A staff member's opt-in e-mail notices. */
    public record Notices(boolean taskAssigned, boolean physicianMessage) {
    }

    private static final int REMEMBERED = 10_000;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Per subject, the profile this replica last wrote (after its transaction committed). */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    /**
     * Records the calling staff member as their token describes them: a new row, or the row brought up to date. Not
     * staff (a physician, an admin): nothing. In the caller's transaction; two replicas racing write the same.
     */
    @Transactional
    public void signedIn() {
        List<String> roles = user.roles().stream().filter(Roles.TASK_GROUPS::contains).toList();
        if (roles.isEmpty()) {
            return;
        }
        String subject = user.id();
        String name = user.displayName();
        String email = user.email().orElse(null);
        String username = user.username().orElse(null);
        String languages = String.join(",", user.languages());
        String departments = String.join(",", user.departments());
        String groups = String.join(",", user.taskGroups());
        String profile = String.join("\n", name, String.valueOf(email), String.valueOf(username), String.join(",", roles),
                languages, departments, groups);
        if (profile.equals(written.get(subject))) {
            return;
        }
        Instant now = Instant.now(clock);
        StaffMember.getEntityManager().createQuery("""
                insert into StaffMember (subject, username, displayName, email, roles, languages, departments,
                    taskGroups, notifyTaskAssigned, notifyPhysicianMessage, firstSeenAt, lastSeenAt)
                values (:subject, :username, :name, :email, :roles, :languages, :departments, :groups, false, false,
                    :now, :now)
                on conflict (subject) do update set username = excluded.username,
                    displayName = excluded.displayName, email = excluded.email, roles = excluded.roles,
                    languages = excluded.languages, departments = excluded.departments,
                    taskGroups = excluded.taskGroups, lastSeenAt = excluded.lastSeenAt""")
                .setParameter("subject", subject).setParameter("username", username).setParameter("name", name)
                .setParameter("email", email).setParameter("roles", String.join(",", roles))
                .setParameter("languages", languages).setParameter("departments", departments)
                .setParameter("groups", groups).setParameter("now", now).executeUpdate();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    if (written.size() > REMEMBERED) {
                        written.clear();
                    }
                    written.put(subject, profile);
                }
            }
        });
    }

    @Transactional
    public Optional<Colleague> find(String subject) {
        return StaffMember.find(subject).map(Colleague::of);
    }

    /** A colleague named by their subject in a request: known to the directory, or invalid input naming the field. */
    @Transactional
    public Colleague require(String subject, String field) {
        return find(subject).orElseThrow(() -> InvalidInputException.field(field,
                "no staff member with this id has signed in to the inbox; pick a colleague from GET /api/staff"));
    }

    /** Display names of the given subjects that the directory knows. */
    @Transactional
    public Map<String, String> namesOf(Collection<String> subjects) {
        Set<String> wanted = subjects.stream().filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        for (Object[] row : StaffMember.getEntityManager()
                .createQuery("select s.subject, s.displayName from StaffMember s where s.subject in :subjects",
                        Object[].class)
                .setParameter("subjects", wanted).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    /** One subject's display name, or a stand-in that never shows the id. */
    @Transactional
    public String nameOf(String subject) {
        return subject == null ? null : namesOf(List.of(subject)).getOrDefault(subject, unknown(subject));
    }

    /** What pages show for someone the directory does not know (never signed in to the inbox). */
    public static String unknown(String subject) {
        return "a colleague not yet in the staff directory";
    }

    /** Every staff member, by name: the colleagues work can be handed to. */
    @Transactional
    public List<Colleague> colleagues() {
        return StaffMember.<StaffMember>list("order by displayName, subject").stream().map(Colleague::of).toList();
    }

    /** Whether a colleague works one of {@code groups}, as their last sign-in said. */
    public static boolean works(Colleague colleague, Collection<String> groups) {
        return colleague.taskGroups().stream().anyMatch(groups::contains);
    }

    /** The caller's own choice of notices (null: as they stand); they are put in the directory first. */
    @Transactional
    public Notices chooseNotices(Notices notices) {
        signedIn();
        StaffMember me = StaffMember.<StaffMember>findByIdOptional(user.id())
                .orElseThrow(() -> new io.quarkus.security.ForbiddenException("Only staff receive notices"));
        if (notices != null) {
            me.notifyTaskAssigned = notices.taskAssigned();
            me.notifyPhysicianMessage = notices.physicianMessage();
        }
        return new Notices(me.notifyTaskAssigned, me.notifyPhysicianMessage);
    }

    /** The address and name of a staff member who chose a notice, if they did. */
    public record Recipient(String subject, String name, String email) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Recipient> wantsTaskAssignedNotice(String subject) {
        return StaffMember.find(subject).filter(m -> m.notifyTaskAssigned && m.email != null && !m.email.isBlank())
                .map(m -> new Recipient(m.subject, m.displayName, m.email));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Recipient> wantsPhysicianMessageNotice(String subject) {
        return StaffMember.find(subject)
                .filter(m -> m.notifyPhysicianMessage && m.email != null && !m.email.isBlank())
                .map(m -> new Recipient(m.subject, m.displayName, m.email));
    }
}
