package vn.dossierpost.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The shape rule of every JSON body: a field the request does not have is refused (422 naming it),
 * so a misspelt {@code "emial"} is not dropped while the clerk believes it recorded; and a number
 * or true/false where a text is expected is refused rather than turned into "5". Agency systems'
 * messages ({@code api.agency}) opt out of the first rule record by record, so that an agency may add
 * fields before we read them. Dropwizard's default is the opposite on both counts.
 */
public final class StrictJson {
    private StrictJson() {}

    public static ObjectMapper apply(ObjectMapper json) {
        json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // a number is not a word from a fixed set (Jackson would take 0 as the first one)
        json.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return json;
    }
}
