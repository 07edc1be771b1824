package org.ipc.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message between the referring physician and the Center about a case. */
@Entity
@Table(name = "case_message")
public class CaseMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    /** physician, coordinator, specialist, finance or supervisor. */
    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false, length = 5000)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** 1, 2, 3... within the case: the order of the conversation. */
    @Column(nullable = false)
    public int position;

    public static List<CaseMessage> of(UUID caseId) {
        return list("caseId = ?1 order by position", caseId);
    }
}
