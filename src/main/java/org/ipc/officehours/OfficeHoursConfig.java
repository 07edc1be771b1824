package org.ipc.officehours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the International Patient Center is open. */
@ConfigMapping(prefix = "ipc.office")
public interface OfficeHoursConfig {

    /** The office's time zone; every opening and closing is a wall-clock time there. */
    @WithDefault("America/New_York")
    ZoneId zone();

    /** Opening time on an open day. */
    @WithDefault("08:00")
    LocalTime opens();

    /** Closing time on an open day. */
    @WithDefault("17:00")
    LocalTime closes();

    /** The weekdays the office works. */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> days();

    /** Classpath resource in jollyday's schema with the public holidays the office closes on. */
    @WithDefault("holidays/Holidays_us-federal.xml")
    String holidays();

    /**
     * Further closures: a date ({@code 2026-12-24}), a yearly date ({@code 12-24}) or a yearly weekday rule
     * ({@code third-monday-of-april}, {@code last-friday-of-june}), optionally followed by {@code =Name}.
     */
    Optional<List<String>> extraClosures();
}
