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

    /**
     * Reads back what {@link #of} wrote (a stored answer), times with the offset they were written
     * with. A field written by an earlier version and since dropped from the record is no error here:
     * strict shapes are for requests, not for what we stored ourselves.
     */
    public static <T> T read(ObjectMapper json, String text, Class<T> type) {
        try {
            return json.readerFor(type)
                    .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    public static <T> T read(ObjectMapper json, String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return json.readerFor(json.constructType(type))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getType() + " is not readable", e);
        }
    }
}
