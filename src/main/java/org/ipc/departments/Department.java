package org.ipc.departments;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A center or department of the hospital that a case can be routed to; the list lives in our migrations. */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    /** Stable code used in the API, in process variables and as a specialist's department claim. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public static List<Department> listInOrder() {
        return list("order by sortOrder");
    }
}
