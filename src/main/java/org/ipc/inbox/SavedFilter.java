package org.ipc.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A saved inbox filter: a name, the inbox's routing filters and a sort; its owner's, or shared with one group. */
@Entity
@Table(name = "inbox_filter")
public class SavedFilter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_subject", nullable = false)
    public String owner;

    @Column(nullable = false)
    public String name;

    /** The candidate group whose members see it too; null when it is its owner's alone. */
    @Column(name = "shared_with")
    public String sharedWith;

    public String assignee;

    @Column(name = "queue_filter")
    public String queue;

    public String language;

    public String department;

    public Boolean overdue;

    @Column(name = "follow_up")
    public String followUp;

    public String process;

    @Column(nullable = false)
    public String sort;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The caller's own filters and those shared with one of their groups: own first, then by name. */
    static List<SavedFilter> visibleTo(String subject, List<String> groups) {
        if (groups.isEmpty()) {
            return list("owner = ?1 order by name", subject);
        }
        return list("owner = ?1 or sharedWith in ?2 order by case when owner = ?1 then 0 else 1 end, name", subject,
                groups);
    }

    static long countOwnedBy(String subject) {
        return count("owner", subject);
    }

    static boolean nameTaken(String subject, String name, UUID except) {
        return count("owner = ?1 and lower(name) = lower(?2) and id <> ?3", subject, name,
                except == null ? new UUID(0, 0) : except) > 0;
    }
}
