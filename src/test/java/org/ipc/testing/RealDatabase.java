package org.ipc.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every {@code @QuarkusTest} of this module runs on one real PostgreSQL server. */
@QuarkusTestResource(PostgresResource.class)
public final class RealDatabase {

    private RealDatabase() {
    }
}
