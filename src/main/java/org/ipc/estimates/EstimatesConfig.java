package org.ipc.estimates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Center's terms for estimates and deposits. */
@ConfigMapping(prefix = "ipc.estimates")
public interface EstimatesConfig {

    /** How long before the office opens on the admission day the deposit falls due, in business time (ISO-8601). */
    @WithDefault("P7D")
    String depositDueBeforeAdmission();

    /** The most items one estimate may have. */
    @WithDefault("50")
    int maxItems();
}
