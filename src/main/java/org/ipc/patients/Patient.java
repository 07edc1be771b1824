package org.ipc.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An international patient: who they are, where they live, how to reach them and in which language. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** Administrative sex as FHIR codes it: female, male, other, unknown. */
    @Column(nullable = false)
    public String sex;

    /** ISO 3166-1 alpha-2, upper case. */
    @Column(name = "country_of_residence", nullable = false)
    public String countryOfResidence;

    /** BCP 47 language tag in canonical form ({@code pt-BR}, {@code zh-Hant}, {@code ar}). */
    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;

    public String email;

    /** E.164. */
    public String phone;

    /** IANA time zone, the zone every time shown to the patient is written in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "email_consent", nullable = false)
    public boolean emailConsent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
