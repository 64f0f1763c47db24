package vn.dossierpost.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text of our own records and maps for event payloads and stored answers, which always serialise. */
public final class JsonText {
    private JsonText() {}

    public static String of(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads back what {@link #of} wrote (a stored answer), times with the offset they were written with. */
    public static <T> T read(ObjectMapper json, String text, Class<T> type) {
        try {
            return json.readerFor(type)
                    .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    public static <T> T read(ObjectMapper json, String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getType() + " is not readable", e);
        }
    }
}
