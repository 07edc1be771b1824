package org.ipc.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.common.NoControlCharacters;

/** The body of {@code POST .../messages}. */
@Schema(name = "NewMessage", example = "{\"body\": \"The pathology slides were sent by courier today.\"}")
public record NewMessage(
        @NotBlank @Size(max = 5000, message = "must be at most 5,000 characters")
        @NoControlCharacters
        String body) {
}
