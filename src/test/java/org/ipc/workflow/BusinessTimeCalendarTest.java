package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.ipc.officehours.BusinessClock;
import org.junit.jupiter.api.Test;

/** The engine's business-time calendar keeps the business clock's limits and says which expression broke them. */
class BusinessTimeCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-20T21:00:00Z");
    private final BusinessTimeCalendar calendar = new BusinessTimeCalendar(new DurationBusinessCalendar(),
            new BusinessClock(ZoneId.of("America/New_York"), LocalTime.of(8, 0), LocalTime.of(17, 0),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "holidays/Holidays_us-federal.xml", List.of(),
                    Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void aBusinessDurationWithinTheLimitIsCountedInOfficeTime() {
        assertThat(calendar.resolveDuedate("business:P1D", Date.from(NOW)).toInstant())
                .isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        assertThat(calendar.resolveDuedate("business:P520W", Date.from(NOW)).toInstant()).isAfter(
                Instant.parse("2036-01-01T00:00:00Z"));
    }

    @Test
    void aDurationOrStartBeyondTheLimitFailsNamingTheExpression() {
        assertThatThrownBy(() -> calendar.resolveDuedate("business:PT999999999H", Date.from(NOW)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("Due date or timer 'business:PT999999999H': must be at most 10 years of office time (P520W)");
        assertThatThrownBy(() -> calendar.resolveDuedate("business:P1D", Date.from(Instant.parse("2099-01-01T00:00:00Z"))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("Due date or timer 'business:P1D': must be within 10 years of today");
        assertThatThrownBy(() -> calendar.resolveDuedate("business:soon", Date.from(NOW)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'business:soon': 'soon' is not a business duration");
    }
}
