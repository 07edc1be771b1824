package org.ipc.patients;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.common.InvalidInputException;

/** Records patients as physicians submit them, in the canonical spelling of each code. */
@ApplicationScoped
public class PatientRegistry {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Patient register(PatientDetails details) {
        if (details.emailConsent() && details.email() == null) {
            throw InvalidInputException.field("patient.email", "is required when emailConsent is true");
        }
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.givenName = details.givenName().strip();
        p.familyName = details.familyName().strip();
        p.birthDate = details.birthDate();
        p.sex = details.sex();
        p.countryOfResidence = details.countryOfResidence();
        p.preferredLanguage = Locale.forLanguageTag(details.preferredLanguage()).toLanguageTag();
        p.email = details.email();
        p.phone = details.phone();
        p.timeZone = details.timeZone();
        p.emailConsent = details.emailConsent();
        p.createdAt = Instant.now(clock);
        p.persist();
        return p;
    }
}
