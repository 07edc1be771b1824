package org.ipc.hospital;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The hospital as its papers present it: the letterhead, who signs, where the verification page is, its places. */
@ConfigMapping(prefix = "ipc.hospital")
public interface HospitalConfig {

    /** The hospital's name, first line of the letterhead. */
    String name();

    /** The office that writes the papers, second line of the letterhead. */
    String office();

    /** Postal address, one line each. */
    List<String> address();

    /** Telephone of the office, international form. */
    String phone();

    /** E-mail address of the office. */
    String email();

    /** The hospital's web site, shown on the letterhead. */
    URI website();

    /** Who signs visa invitation letters. */
    Signatory signatory();

    /**
     * The public address of the verification page, ending in {@code /verify/}; a letter's code is appended to it.
     */
    @WithName("verify-url")
    URI verifyUrl();

    /**
     * The domain of calendar event ids ({@code UID:<appointment id>@<domain>}), so they are unique worldwide.
     */
    String calendarDomain();

    /** Where appointments take place, by code: the coordinator picks a code, the patient reads building and clinic. */
    Map<String, Place> places();

    interface Signatory {
        /** Full name with title, as printed under the signature. */
        String name();

        /** The signatory's position. */
        String position();
    }

    interface Place {
        /** The building, as signposted. */
        String building();

        /** The clinic or desk within it, with the floor. */
        String clinic();

        /** Street address of the building. */
        String address();
    }
}
