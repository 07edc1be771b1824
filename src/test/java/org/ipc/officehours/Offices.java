package org.ipc.officehours;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** The hospital's office as configured by default, for tests that need no running service. */
final class Offices {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Offices() {
    }

    static BusinessClock boston(String... extraClosures) {
        return new BusinessClock(NEW_YORK, LocalTime.of(8, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "holidays/Holidays_us-federal.xml",
                List.of(extraClosures), Clock.systemUTC());
    }

    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static String nyLocal(Instant t) {
        return t.atZone(NEW_YORK).toLocalDateTime().toString();
    }
}
