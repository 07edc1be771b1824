package org.ipc.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every {@code @QuarkusTest} of this module stores documents in one real S3-compatible server, see {@link S3Resource}. */
@QuarkusTestResource(S3Resource.class)
public final class RealObjectStore {

    private RealObjectStore() {
    }
}
