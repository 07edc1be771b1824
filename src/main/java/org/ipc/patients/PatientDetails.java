package org.ipc.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.common.OneLine;

/** The patient as a physician submits and reads it; codes are checked against their standards, names are one line. */
@Schema(name = "Patient")
public record PatientDetails(
        @NotBlank @Size(max = 100) @OneLine String givenName,
        @NotBlank @Size(max = 100) @OneLine String familyName,
        @NotNull @Past LocalDate birthDate,
        @NotNull @Pattern(regexp = "female|male|other|unknown", message = "must be female, male, other or unknown")
        String sex,
        @NotNull @CountryCode String countryOfResidence,
        @NotNull @LanguageTag String preferredLanguage,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number in E.164 form, such as +5511999999999")
        String phone,
        @NotNull @TimeZoneId String timeZone,
        @NotNull Boolean emailConsent) {

    public static PatientDetails of(Patient p) {
        return new PatientDetails(p.givenName, p.familyName, p.birthDate, p.sex, p.countryOfResidence,
                p.preferredLanguage, p.email, p.phone, p.timeZone, p.emailConsent);
    }
}
