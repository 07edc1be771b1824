package org.ipc.operations;

import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the HTTP metrics' {@code uri} label to the service's own paths. A request refused before it reaches an
 * endpoint (an odd request line, a path with control characters or escapes) is labelled with its raw path; scanners
 * send thousands of those, which would use up Micrometer's budget of URI labels (100) and hide the real endpoints'
 * metrics. Such paths are counted together as {@code UNMATCHED}.
 */
public class MetricsCardinality {

    /** Templates and plain paths of our endpoints: letters, digits, slashes, braces, dots, dashes; not too long. */
    private static final Pattern OWN_PATH = Pattern.compile("[A-Za-z0-9/{}._~-]{1,100}");

    @Produces
    @Singleton
    MeterFilter collapseUnmatchedUris() {
        return MeterFilter.replaceTagValues("uri", uri -> OWN_PATH.matcher(uri).matches() ? uri : "UNMATCHED");
    }
}
