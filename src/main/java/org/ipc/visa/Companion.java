package org.ipc.visa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone travelling with the patient, as the letter names them. The passport number is sealed, never in clear. */
@Embeddable
public class Companion {

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public String relationship;

    @Column(name = "passport_sealed", nullable = false)
    public String passportSealed;

    /** For masked views ({@code •••••4321}) without opening the seal. */
    @Column(name = "passport_last_four", nullable = false, length = 4)
    public String passportLastFour;
}
