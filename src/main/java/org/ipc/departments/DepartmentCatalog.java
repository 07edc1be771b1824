package org.ipc.departments;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The hospital's routable departments. */
@ApplicationScoped
public class DepartmentCatalog {

    public List<Department> all() {
        return Department.listInOrder();
    }

    public Optional<Department> find(String code) {
        return code == null ? Optional.empty() : Department.findByIdOptional(code);
    }
}
