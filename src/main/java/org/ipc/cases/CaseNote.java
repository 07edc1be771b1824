package org.ipc.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Free text a worker wrote into a task's form (a reason, a note): case data, kept out of the process. */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "task_key", nullable = false)
    public String taskKey;

    @Column(nullable = false)
    public String field;

    @Column(nullable = false, length = 10_000)
    public String body;

    @Column(nullable = false)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<CaseNote> of(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }
}
