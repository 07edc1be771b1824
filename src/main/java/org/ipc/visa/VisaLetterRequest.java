package org.ipc.visa;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/cases/{id}/visa-letters}: the consulate, the traveller as in the passport, the
 * companions and the approved plan. Passport numbers are collected here, sealed at once, and never shown again.
 */
@Schema(name = "VisaLetterRequest")
public record VisaLetterRequest(Consulate consulate, Traveller patient, List<Traveller> companions,
        @Schema(description = "EVALUATION or TREATMENT") String purpose,
        @Schema(description = "department code; the case's department when absent") String department,
        LocalDate arrival, LocalDate departure) {

    public record Consulate(@Schema(example = "Embassy of the United States of America, Consular Section") String name,
            @Schema(example = "Riyadh") String city) {
    }

    /**
     * The patient ({@code nameInPassport}, {@code birthDate}, {@code nationality}, {@code passportNumber}) or a
     * companion ({@code nameInPassport}, {@code relationship}, {@code passportNumber}).
     */
    public record Traveller(String nameInPassport, LocalDate birthDate,
            @Schema(description = "ISO 3166-1 alpha-2", example = "SA") String nationality,
            @Schema(example = "relative: husband") String relationship,
            String passportNumber) {
    }
}
