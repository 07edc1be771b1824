package org.ipc.common;

/** One bad field: its path as the client sent it ({@code patient.countryOfResidence}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
