package org.ipc.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

import org.ipc.common.PlainText;

/**
 * Text fields of JSON bodies may hold line breaks and tabs but no other control characters: a NUL cannot be
 * stored in PostgreSQL and none of them belongs in a name, a message or a summary. Refused while the body is read,
 * as a 400 naming the field.
 */
@Singleton
public class TextWithoutControls implements ObjectMapperCustomizer {

    /** Thrown for a string holding a control character; the error mapper names its field. */
    public static final class ControlCharacter extends JsonMappingException {

        public static final String MESSAGE = PlainText.CONTROL_CHARACTERS;

        ControlCharacter(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("text-without-controls").addDeserializer(String.class,
                new StringDeserializer() {
                    @Override
                    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        String text = super.deserialize(p, ctxt);
                        if (text != null && !PlainText.acceptable(text)) {
                            throw new ControlCharacter(p);
                        }
                        return text;
                    }
                }));
    }
}
