package vn.dossierpost.web.agency;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.domain.AgencyEventType;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.handover.AgencyEventOutcome;

/**
 * An answer typed on the agency's desk: the form's fields as the event {@code POST
 * /api/agency/events} takes (one missing item a line), and what the service's refusals mean, said
 * in Vietnamese beside the field or above the forms. The rules themselves stay in the service.
 */
record AnswerForm(
        String eventId,
        String type,
        String reason,
        String missingItems,
        String newAppointmentDate,
        String resultReference) {

    /** The answers the desk offers, in the order the forms stand, with what each is called on the page. */
    static final Map<AgencyEventType, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(AgencyEventType.RECEIVED, "Xác nhận đã nhận hồ sơ");
        LABELS.put(AgencyEventType.IN_PROCESSING, "Bắt đầu giải quyết");
        LABELS.put(AgencyEventType.SUPPLEMENT_REQUESTED, "Yêu cầu bổ sung hồ sơ");
        LABELS.put(AgencyEventType.DELAYED, "Hẹn lại ngày trả kết quả");
        LABELS.put(AgencyEventType.RESULT_READY, "Đã có kết quả");
        LABELS.put(AgencyEventType.REFUSED, "Từ chối giải quyết");
    }

    /** The fields a person types (the others are hidden in the form). */
    private static final Set<String> FIELDS = Set.of("reason", "missingItems", "newAppointmentDate", "resultReference");

    static final AnswerForm EMPTY = new AnswerForm(null, null, null, null, null, null);

    /** The event for the service; a date the browser did not send as YYYY-MM-DD is refused here (422). */
    AgencyEventRequest toEvent(String dossierCode) {
        LocalDate date;
        try {
            date = blank(newAppointmentDate) ? null : LocalDate.parse(newAppointmentDate.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid("newAppointmentDate", "must be a date YYYY-MM-DD, was " + newAppointmentDate);
        }
        List<String> items = blank(missingItems)
                ? null
                : Arrays.stream(missingItems.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new AgencyEventRequest(
                eventId, dossierCode, type, null, trimmed(reason), date, trimmed(resultReference), items);
    }

    /** A value as typed, to put back into the form it came from (null for the other forms). */
    String value(String field) {
        return switch (field) {
            case "reason" -> reason;
            case "missingItems" -> missingItems;
            case "newAppointmentDate" -> newAppointmentDate;
            case "resultReference" -> resultReference;
            default -> null;
        };
    }

    /**
     * Each refused field of the form with what to do about it. A date can be wrong in more than one
     * way, so the service's own words follow in brackets (which date it is measured against).
     */
    static Map<String, String> fieldErrors(Problem p) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem f : p.problems()) {
            String field = f.field().replaceAll("\\[\\d+]$", "");
            field = FIELDS.contains(field) ? field : "form"; // the hidden fields: the page itself is stale or broken
            String detail = field.equals("newAppointmentDate") ? " (" + f.message() + ")" : "";
            errors.putIfAbsent(field, fieldMessage(field) + detail);
        }
        if (errors.isEmpty()) {
            errors.put("form", fieldMessage("form"));
        }
        return errors;
    }

    private static String fieldMessage(String field) {
        return switch (field) {
            case "reason" -> "Xin ghi lý do: người nộp hồ sơ được báo đúng lý do này.";
            case "missingItems" -> "Mỗi dòng ghi một giấy tờ còn thiếu (tối đa 100 dòng, mỗi dòng tối đa 500 ký tự).";
            case "newAppointmentDate" ->
                "Xin chọn ngày hẹn trả kết quả mới: sau ngày hẹn hiện tại, không quá 3 năm tới.";
            case "resultReference" -> "Xin ghi số, ký hiệu của kết quả (bưu điện dùng để nhận kết quả).";
            default -> "Biểu mẫu không hợp lệ, xin tải lại trang và thử lại.";
        };
    }

    /** Why the answer was refused (409): the dossier stands where that answer cannot apply. */
    static String conflict(AgencyEventType type, AgencyEventOutcome.Conflict c) {
        DossierStatus now = c.currentStatus();
        String why;
        if (now == DossierStatus.WITHDRAWN) {
            why = "người nộp đã rút hồ sơ này.";
        } else if (type == AgencyEventType.DELAYED
                && (now == DossierStatus.DELIVERED_TO_AGENCY || now == DossierStatus.IN_PROCESSING)) {
            why = "chỉ được hẹn lại ngày trả kết quả một lần (Nghị định 61/2018/NĐ-CP, Điều 19) "
                    + "và hồ sơ này đã được hẹn lại.";
        } else {
            why = "hồ sơ đang ở trạng thái «" + now.labelVi() + "», không thể ghi «" + LABELS.get(type) + "».";
        }
        return "Không thực hiện được: " + why;
    }

    /** An answer that changed nothing: the dossier is already at or past it. */
    static String stale(AgencyEventType type, DossierStatus now) {
        return "Không có gì thay đổi: hồ sơ đã ở trạng thái «" + now.labelVi() + "», «" + LABELS.get(type)
                + "» đã được ghi nhận trước đó.";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.strip();
    }
}
