package org.ipc.itinerary;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes an itinerary as an iCalendar file (RFC 5545) with ical4j: one event per appointment, its UID fixed for
 * life and its SEQUENCE raised by every change, a cancelled appointment as STATUS:CANCELLED, so a calendar that
 * imports the revised file updates its events instead of adding new ones. Times are UTC; calendars show them in
 * their owner's zone.
 */
final class ItineraryCalendar {

    /** One event's words, already in the patient's language. */
    record Event(Appointment appointment, String summary, String location, String description) {
    }

    private ItineraryCalendar() {
    }

    static String write(String hospital, String organizer, String domain, List<Event> events, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//" + hospital + "//International Patient Center itinerary//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (Event e : events) {
            Appointment a = e.appointment();
            VEvent event = new VEvent(a.startsAt, a.endsAt(), e.summary());
            event.add(uid(a, domain));
            event.add(new Sequence(a.sequence));
            // RFC 5546: a published event names its organizer, the office that sent it
            event.add(new Organizer(URI.create("mailto:" + organizer)).add(new Cn(hospital)));
            event.replace(new DtStamp(stamp));
            event.add(new LastModified(a.updatedAt));
            event.add(a.status == Appointment.Status.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                    : ImmutableStatus.VEVENT_CONFIRMED);
            event.add(new Location(e.location()));
            event.add(new Description(e.description()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a calendar written in memory", e);
        }
        return out.toString();
    }

    static Uid uid(Appointment a, String domain) {
        return new Uid(a.id + "@" + domain);
    }
}
