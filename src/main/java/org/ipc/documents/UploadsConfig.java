package org.ipc.documents;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Resumable (tus) uploads: how large, where the bytes wait, how long an abandoned one is kept. */
@ConfigMapping(prefix = "ipc.uploads")
public interface UploadsConfig {

    /** Largest file a resumable upload may announce, in bytes (2 GB). */
    @WithDefault("2147483648")
    long maxSize();

    /**
     * Where the bytes of uploads in progress wait until they are complete: a directory every replica mounts (a
     * shared volume), so that an upload begun through one replica continues through another.
     */
    @WithDefault("data/uploads")
    Path directory();

    /** An upload untouched for this long is abandoned: its row and bytes are removed. */
    @WithDefault("24H")
    Duration expireAfter();

    /** How often the sweep for abandoned uploads runs ({@code off} to never). */
    @WithDefault("15m")
    String sweepEvery();

    /** How long a writer's claim on an upload holds without being renewed (a replica that died mid-request). */
    @WithDefault("60S")
    Duration lease();

    /** What one physician, and one case, may hold open in the uploads directory at once. */
    Quota quota();

    /**
     * Quotas of uploads not yet complete, counted by the length they announced (the room they may fill): one account
     * cannot fill the volume every physician's uploads share. Abandoned uploads count until they are swept.
     */
    interface Quota {

        /** Most uploads one physician has open at once, over all their cases. */
        @WithDefault("8")
        int openPerPhysician();

        /** Most bytes one physician's open uploads may announce together (8 GiB: four files of the largest size). */
        @WithDefault("8589934592")
        long bytesPerPhysician();

        /** Most uploads open at once for one case. */
        @WithDefault("4")
        int openPerCase();

        /** Most bytes one case's open uploads may announce together (4 GiB). */
        @WithDefault("4294967296")
        long bytesPerCase();
    }
}
