package org.ipc.workflow;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How cases are routed to people. */
@ConfigMapping(prefix = "ipc.routing")
public interface RoutingConfig {

    /**
     * Languages (ISO 639) the coordinator team speaks; a patient speaking one of them gets coordinators who speak
     * it, anyone else gets every coordinator plus an interpreter.
     */
    @WithDefault("en,es,pt,zh,ar")
    Set<String> coordinatorLanguages();
}
