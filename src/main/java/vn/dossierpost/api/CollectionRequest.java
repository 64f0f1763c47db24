package vn.dossierpost.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code POST /api/dossiers/{code}/collection}: what the clerk took over at the agency — the result
 * documents (or the refusal notice) and any originals given back — and who handed it over there.
 */
public record CollectionRequest(
        @NotEmpty(
                message = "is required: the result documents (kind RESULT) and any originals given back "
                        + "(kind ORIGINAL_RETURNED), each with name and copies")
        List<@NotNull(message = "is required: a document with name, kind and copies") @Valid Item> items,

        @Line(max = 300) String agencyOfficer) {

    /** @param kind RESULT or ORIGINAL_RETURNED */
    public record Item(
            @NotBlank(message = NAME) @Line(max = 300, tooLong = NAME)
            String name,

            @NotNull(message = KIND)
            @OneOf(
                    words = {"RESULT", "ORIGINAL_RETURNED"},
                    message = KIND)
            String kind,

            @NotNull(message = "is required: 1 to 100")
            @Min(value = 1, message = COPIES)
            @Max(value = 100, message = COPIES)
            Integer copies) {

        private static final String NAME = "is required: what the document is, at most 300 characters";
        private static final String KIND = "must be RESULT or ORIGINAL_RETURNED";
        private static final String COPIES = "must be between 1 and 100";
    }
}
