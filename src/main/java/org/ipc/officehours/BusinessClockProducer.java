package org.ipc.officehours;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the business clock from {@code ipc.office.*} and the service's clock. */
public class BusinessClockProducer {

    @Produces
    @Singleton
    BusinessClock businessClock(OfficeHoursConfig config, Clock clock) {
        return new BusinessClock(config.zone(), config.opens(), config.closes(), config.days(), config.holidays(),
                config.extraClosures().orElse(List.of()), clock);
    }
}
