package org.ipc.crypto;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The data key that seals identifiers at rest (passport numbers, the keys of sealed documents). Production gives it
 * as {@code IPC_DATA_KEY} and {@code IPC_DATA_KEY_ID}; dev and test have fixed keys of their own.
 */
@ConfigMapping(prefix = "ipc.data-key")
public interface DataKeyConfig {

    /** The current key's id, written beside every value it seals so that the key can rotate (letters, digits, - and _). */
    String id();

    /** The current key: 32 random bytes, Base64 ({@code openssl rand -base64 32}). */
    String secret();

    /** Keys no longer used to seal but still able to open, as {@code id:base64} entries, until re-sealing is done. */
    Optional<List<String>> retired();
}
