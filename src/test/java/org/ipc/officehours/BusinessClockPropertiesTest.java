package org.ipc.officehours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws the business clock must keep for any instant in 2025-2031 and any duration up to six office weeks. */
class BusinessClockPropertiesTest {

    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() / 60;
    private static final long UNTIL = Instant.parse("2031-12-31T00:00:00Z").getEpochSecond() / 60;
    private static final int SIX_OFFICE_WEEKS = 6 * 5 * 9 * 60;

    private final BusinessClock office = Offices.boston("third-monday-of-april");

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, UNTIL).map(minute -> Instant.ofEpochSecond(minute * 60));
    }

    @Provide
    Arbitrary<ZoneId> patientZones() {
        return Arbitraries.of("America/Sao_Paulo", "Asia/Dubai", "Asia/Shanghai", "Asia/Kolkata", "Europe/Madrid",
                "Africa/Lagos", "Pacific/Auckland", "Pacific/Honolulu", "America/Mexico_City", "Asia/Kathmandu")
                .map(ZoneId::of);
    }

    @Property
    void deadlinesAlwaysLandInsideOfficeHours(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 0, max = SIX_OFFICE_WEEKS) int minutes) {
        Instant deadline = office.plus(from, minutes(minutes));
        assertThat(office.currentOrNextWindow(deadline.minusNanos(1)).contains(deadline)).isTrue();
        assertThat(deadline).isAfterOrEqualTo(from);
    }

    @Property
    void moreBusinessTimeNeverGivesAnEarlierDeadline(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 0, max = SIX_OFFICE_WEEKS) int shorter,
            @ForAll @IntRange(min = 0, max = 600) int extra) {
        assertThat(office.plus(from, minutes(shorter + extra))).isAfterOrEqualTo(office.plus(from, minutes(shorter)));
    }

    @Property
    void splittingADurationInTwoGivesTheSameDeadline(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 0, max = SIX_OFFICE_WEEKS) int first,
            @ForAll @IntRange(min = 0, max = SIX_OFFICE_WEEKS) int second) {
        assertThat(office.plus(office.plus(from, minutes(first)), minutes(second)))
                .isEqualTo(office.plus(from, minutes(first + second)));
    }

    @Property
    void countingBackUndoesCountingForwardFromAnOpenMoment(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 1, max = SIX_OFFICE_WEEKS) int minutes) {
        Instant open = office.nextOpening(from);
        Instant deadline = office.plus(open, minutes(minutes));
        assertThat(office.plus(deadline, BusinessDuration.parse("-PT" + minutes + "M"))).isEqualTo(open);
    }

    @Property
    void nextOpeningIsOpenAndNotEarlier(@ForAll("instants") Instant at) {
        Instant next = office.nextOpening(at);
        assertThat(office.isOpen(next)).isTrue();
        assertThat(next).isAfterOrEqualTo(at);
    }

    @Property
    void callsFallInOfficeHoursAndInThePatientsDayWhenTheyMeet(@ForAll("instants") Instant from,
            @ForAll("patientZones") ZoneId patient) {
        Instant slot = office.callSlot(from, patient);
        assertThat(slot).isAfterOrEqualTo(from);
        assertThat(office.isOpen(slot)).isTrue();
        LocalTime patientTime = slot.atZone(patient).toLocalTime();
        boolean inPatientsDay = !patientTime.isBefore(BusinessClock.CALLS_FROM)
                && patientTime.isBefore(BusinessClock.CALLS_UNTIL);
        if (!inPatientsDay) {
            assertThat(slot).as("without a common hour the call goes to the first office hour")
                    .isEqualTo(office.nextOpening(from));
        }
    }

    @Provide
    Arbitrary<BusinessDuration> durations() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(false, true), Arbitraries.longs().between(0, 104),
                Arbitraries.longs().between(0, 6), Arbitraries.integers().between(0, 9 * 60),
                Arbitraries.integers().between(0, 59))
                .as((back, weeks, days, minutes, seconds) -> new BusinessDuration(back, weeks, days,
                        Duration.ofMinutes(minutes).plusSeconds(seconds)));
    }

    @Property(tries = 300)
    void theFastClockAgreesWithCountingWindowByWindow(@ForAll("instants") Instant from,
            @ForAll("durations") BusinessDuration duration) {
        assertThat(office.plus(from, duration)).isEqualTo(new WindowByWindow(office).plus(from, duration));
    }

    @Property
    void everyDurationUpToTheLimitIsAnsweredInsideOfficeHours(@ForAll("instants") Instant from,
            @ForAll @IntRange(min = 0, max = 520) int weeks, @ForAll boolean back) {
        Instant deadline = office.plus(from, new BusinessDuration(back, weeks, 0, Duration.ZERO));
        assertThat(office.currentOrNextWindow(deadline.minusNanos(1)).contains(deadline)).isTrue();
    }

    private static BusinessDuration minutes(int minutes) {
        return new BusinessDuration(false, 0, 0, Duration.ofMinutes(minutes));
    }
}
