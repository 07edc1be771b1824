package org.ipc.officehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipc.officehours.Offices.ny;
import static org.ipc.officehours.Offices.nyLocal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines, openings and call slots on dates whose answers we know by hand (office times in New York). */
class BusinessClockKnownCasesTest {

    private final BusinessClock office = Offices.boston();

    @ParameterizedTest(name = "{0} + {1} = {2}  ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-20T16:00 | P1D   | 2026-11-23T16:00 | Friday 16:00 plus one business day is Monday 16:00
            2027-01-15T16:00 | P1D   | 2027-01-19T16:00 | Monday is Martin Luther King Day: Tuesday 16:00
            2026-07-02T16:00 | P1D   | 2026-07-06T16:00 | July 4 on a Saturday closes Friday July 3
            2027-07-02T16:00 | P1D   | 2027-07-06T16:00 | July 4 on a Sunday closes Monday July 5
            2027-06-17T12:00 | P1D   | 2027-06-21T12:00 | Juneteenth on a Saturday closes Friday June 18
            2026-11-25T10:00 | P2D   | 2026-11-30T10:00 | Thanksgiving week: Thursday closed, Friday open
            2026-11-23T09:00 | P1W   | 2026-12-01T09:00 | a business week over Thanksgiving is five office days
            2026-12-24T12:00 | P1D   | 2026-12-28T12:00 | Christmas on a Friday
            2027-12-23T09:00 | P1D   | 2027-12-27T09:00 | Christmas on a Saturday closes Friday December 24
            2027-12-30T15:00 | P1D   | 2028-01-03T15:00 | New Year 2028 on a Saturday closes Friday December 31, 2027
            2026-12-21T10:00 | P7D   | 2026-12-31T10:00 | seven office days before the year ends
            2026-12-21T10:00 | P8D   | 2027-01-04T10:00 | crossing the year end and New Year's Day
            2027-03-12T16:00 | P1D   | 2027-03-15T16:00 | over the spring daylight-saving change (EST to EDT)
            2026-10-30T16:00 | P1D   | 2026-11-02T16:00 | over the autumn daylight-saving change (EDT to EST)
            2026-11-20T16:00 | PT9H  | 2026-11-23T16:00 | nine office hours are one office day
            2026-11-21T10:00 | PT1H  | 2026-11-23T09:00 | counted from Monday's opening when sent on a Saturday
            2026-11-23T06:00 | PT2H  | 2026-11-23T10:00 | counted from opening when sent before it
            2026-11-23T18:00 | PT30M | 2026-11-24T08:30 | counted from the next opening when sent after closing
            2026-11-23T17:00 | PT0S  | 2026-11-23T17:00 | closing time itself is within office hours
            2026-11-23T17:00 | PT1M  | 2026-11-24T08:01 | a minute after closing is a minute after the next opening
            2026-12-07T09:00 | -P7D  | 2026-11-25T09:00 | deposit due 7 office days before admission, Thanksgiving skipped
            2027-01-04T10:00 | -P1D  | 2026-12-31T10:00 | counting back over New Year's Day and the year end
            """)
    void deadlines(String from, String duration, String expected, String why) {
        assertThat(nyLocal(office.plus(ny(from), BusinessDuration.parse(duration)))).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: open={1}, next opening {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23T08:00 | true  | 2026-11-23T08:00
            2026-11-23T16:59 | true  | 2026-11-23T16:59
            2026-11-23T17:00 | false | 2026-11-24T08:00
            2026-11-21T12:00 | false | 2026-11-23T08:00
            2026-11-25T17:30 | false | 2026-11-27T08:00
            2026-11-26T10:00 | false | 2026-11-27T08:00
            2026-12-31T20:00 | false | 2027-01-04T08:00
            2027-12-30T18:00 | false | 2028-01-03T08:00
            """)
    void openingTimes(String at, boolean open, String nextOpening) {
        assertThat(office.isOpen(ny(at))).isEqualTo(open);
        assertThat(nyLocal(office.nextOpening(ny(at)))).isEqualTo(nextOpening);
    }

    @ParameterizedTest(name = "patient in {1}, from {0}: call at {2} New York time")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23T08:00 | America/Sao_Paulo | 2026-11-23T08:00 | 10:00 in Sao Paulo
            2026-11-23T08:00 | Asia/Dubai        | 2026-11-23T08:00 | 17:00 in Dubai
            2026-11-23T11:30 | Asia/Dubai        | 2026-11-24T08:00 | 20:30 in Dubai is too late: next morning
            2026-11-23T08:00 | Asia/Kolkata      | 2026-11-23T08:00 | 18:30 in Kolkata
            2026-11-23T10:00 | Asia/Kolkata      | 2026-11-24T08:00 | 20:30 in Kolkata is too late: next morning
            2026-11-23T08:00 | Pacific/Honolulu  | 2026-11-23T13:00 | wait for 08:00 in Honolulu
            2026-11-23T08:00 | Asia/Shanghai     | 2026-11-23T08:00 | no overlap with Shanghai's day: first office hour
            2026-11-21T09:00 | Asia/Tokyo        | 2026-11-23T08:00 | no overlap with Tokyo's day: first office hour
            2026-11-25T16:00 | Europe/London     | 2026-11-27T08:00 | 21:00 in London is too late; Thanksgiving closed
            """)
    void callSlots(String from, String patientZone, String expected, String why) {
        assertThat(nyLocal(office.callSlot(ny(from), ZoneId.of(patientZone)))).as(why).isEqualTo(expected);
    }

    @Test
    void extraClosuresComeFromConfiguration() {
        BusinessClock massachusetts = Offices.boston("third-monday-of-april=Patriots' Day", "12-24=Christmas Eve",
                "2026-12-31=Year-end closure");
        assertThat(nyLocal(massachusetts.plus(ny("2027-04-16T16:00"), BusinessDuration.parse("P1D"))))
                .as("Patriots' Day 2027 is Monday April 19").isEqualTo("2027-04-20T16:00");
        assertThat(massachusetts.days(ny("2026-12-24T09:00"), 1).get(0).closedBecause()).contains("Christmas Eve");
        assertThat(massachusetts.isOpen(ny("2026-12-31T10:00"))).isFalse();
        assertThat(office.isOpen(ny("2026-12-31T10:00"))).isTrue();
    }

    @Test
    void closedDaysSayWhy() {
        var week = office.days(ny("2026-11-23T00:00"), 7);
        assertThat(week.get(3).closedBecause()).contains("Thanksgiving Day");
        assertThat(week.get(5).closedBecause()).contains("Weekend");
        assertThat(week.get(4).window()).isPresent();
    }

    @Test
    void durationsAreReadAsOfficeTime() {
        assertThat(BusinessDuration.parse("P1D").officeTime(Duration.ofHours(9), 5)).isEqualTo(Duration.ofHours(9));
        assertThat(BusinessDuration.parse("P1W").officeTime(Duration.ofHours(9), 5)).isEqualTo(Duration.ofHours(45));
        assertThat(BusinessDuration.parse("p1dt4h30m").officeTime(Duration.ofHours(9), 5))
                .isEqualTo(Duration.ofMinutes(13 * 60 + 30));
        assertThat(BusinessDuration.parse("-P7D").negative()).isTrue();
        assertThatThrownBy(() -> BusinessDuration.parse("P1M")).hasMessageContaining("months");
        assertThatThrownBy(() -> BusinessDuration.parse("P")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessDuration.parse("1 day")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenYearsOfOfficeTimeIsTheLongestDurationAnswered() {
        BusinessClock office = Offices.boston();
        Instant from = office.now();
        assertThat(office.plus(from, BusinessDuration.parse("P520W"))).isAfter(from.plus(Duration.ofDays(9 * 365)));
        assertThat(office.plus(from, BusinessDuration.parse("-P2600D"))).isBefore(from.minus(Duration.ofDays(9 * 365)));
        for (String beyond : List.of("P521W", "P2601D", "PT23401H", "-P521W", "PT999999999H", "P999999999999W",
                "PT9999999999999999999999H")) {
            assertThatThrownBy(() -> office.plus(from, BusinessDuration.parse(beyond))).as(beyond)
                    .isInstanceOf(BeyondLimit.class).hasMessage("must be at most 10 years of office time (P520W)");
        }
    }

    @Test
    void datesMoreThanTenYearsAwayAreRefused() {
        BusinessClock office = Offices.boston();
        Instant now = office.now();
        for (Instant far : List.of(now.plus(Duration.ofDays(3660 + 3)), now.minus(Duration.ofDays(3660 + 3)),
                Instant.parse("9999-12-31T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"))) {
            assertThatThrownBy(() -> office.plus(far, BusinessDuration.parse("P1D"))).isInstanceOf(BeyondLimit.class)
                    .hasMessage("must be within 10 years of today");
            assertThatThrownBy(() -> office.checkDate(far)).isInstanceOf(BeyondLimit.class);
        }
        office.checkDate(now.plus(Duration.ofDays(3640)));
        office.checkDate(now.minus(Duration.ofDays(3640)));
    }

    @Test
    void badExtraClosureIsRefusedAtStart() {
        assertThatThrownBy(() -> Offices.boston("sometimes in spring")).hasMessageContaining("extra-closures");
    }
}
