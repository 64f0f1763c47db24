package vn.dossierpost.web.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.EventView;
import vn.dossierpost.domain.TimelineEvent;

/** What a correction changed, as staff read it on the timeline: "Điện thoại: 0912345678 → 0987654321". */
final class CorrectionLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LABELS = Map.of(
            "applicant.fullName", "Họ tên",
            "applicant.phone", "Điện thoại",
            "applicant.email", "Thư điện tử",
            "applicant.address.street", "Địa chỉ",
            "applicant.address.communeCode", "Mã xã/phường",
            "delivery.address.street", "Địa chỉ phát",
            "delivery.address.communeCode", "Mã xã/phường nơi phát");

    private CorrectionLines() {}

    /** The changed values of a correction entry; empty for any other entry. */
    static List<String> of(EventView e) {
        if (!TimelineEvent.CORRECTED.name().equals(e.type()) || e.payload() == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode c : JSON.readTree(e.payload()).path("changes")) {
                String field = c.path("field").asText();
                lines.add(LABELS.getOrDefault(field, field) + ": " + shown(c.path("oldValue")) + " → "
                        + shown(c.path("newValue")));
            }
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the correction entry " + e.id() + " has an unreadable payload", ex);
        }
        return lines;
    }

    private static String shown(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "(trống)" : value.asText();
    }
}
