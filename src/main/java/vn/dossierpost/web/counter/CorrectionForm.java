package vn.dossierpost.web.counter;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.CorrectionRequest;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;

/**
 * The counter's "Sửa thông tin liên hệ" form: prefilled from the dossier, sent whole (the service
 * records only what differs), and shown again with each problem beside its field when refused.
 */
public record CorrectionForm(Map<String, String> values, Map<String, String> errors, boolean homeDelivery) {
    /** The form's inputs by the request's field paths; a problem of any other field is shown above the form. */
    private static final Map<String, String> INPUTS = Map.of(
            "reason", "reason",
            "applicant.fullName", "fullName",
            "applicant.phone", "phone",
            "applicant.email", "email",
            "applicant.address.street", "street",
            "applicant.address.communeCode", "communeCode",
            "delivery.address.street", "deliveryStreet",
            "delivery.address.communeCode", "deliveryCommuneCode");

    private static final List<String> FORM_ORDER = List.of(
            "fullName", "phone", "email", "street", "communeCode", "deliveryStreet", "deliveryCommuneCode", "reason");

    static CorrectionForm of(DossierView d) {
        Map<String, String> values = new HashMap<>();
        DossierView.Applicant a = d.applicant();
        values.put("fullName", a.fullName());
        values.put("phone", a.phone());
        values.put("email", a.email());
        if (a.address() != null) {
            values.put("street", a.address().street());
            values.put("communeCode", a.address().communeCode());
        }
        DossierView.Address delivery =
                d.delivery() == null ? null : d.delivery().address();
        if (delivery != null) {
            values.put("deliveryStreet", delivery.street());
            values.put("deliveryCommuneCode", delivery.communeCode());
        }
        values.values().removeIf(v -> v == null);
        return new CorrectionForm(values, Map.of(), delivery != null);
    }

    /** What the clerk sent, as the request the API takes (the delivery address only for home delivery). */
    static CorrectionRequest request(Map<String, String> form) {
        IntakeRequest.Address delivery = form.get("deliveryStreet") == null
                ? null
                : new IntakeRequest.Address(form.get("deliveryStreet"), form.get("deliveryCommuneCode"));
        return new CorrectionRequest(
                form.get("reason"),
                new CorrectionRequest.Applicant(
                        form.get("fullName"),
                        form.get("phone"),
                        form.get("email"),
                        new IntakeRequest.Address(form.get("street"), form.get("communeCode")),
                        null),
                delivery == null ? null : new CorrectionRequest.Delivery(delivery, null, null),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The form as sent, with the problems beside the inputs they belong to ("form" for the rest). */
    static CorrectionForm refused(Map<String, String> sent, boolean homeDelivery, List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.merge(INPUTS.getOrDefault(p.field(), "form"), message(p), (a, b) -> a + " " + b);
        }
        Map<String, String> values = new HashMap<>(sent);
        values.values().removeIf(v -> v == null);
        return new CorrectionForm(values, errors, homeDelivery);
    }

    /** What the clerk should do, in Vietnamese, with the service's words after it. */
    private static final Map<String, String> ASKS = Map.of(
            "reason", "Xin ghi lý do sửa (người nộp báo gì).",
            "fullName", "Xin ghi họ tên đầy đủ.",
            "phone", "Số điện thoại di động: 0 hoặc +84 và 9 chữ số.",
            "email", "Địa chỉ thư điện tử không đúng dạng (ten@vi-du.vn), hoặc để trống.",
            "street", "Xin ghi số nhà, đường, thôn/xóm.",
            "communeCode", "Mã xã/phường gồm 5 chữ số, theo danh mục đơn vị hành chính.",
            "deliveryStreet", "Xin ghi số nhà, đường, thôn/xóm nơi phát.",
            "deliveryCommuneCode", "Mã xã/phường nơi phát gồm 5 chữ số, theo danh mục đơn vị hành chính.");

    private static String message(FieldProblem p) {
        String input = INPUTS.get(p.field());
        if (input != null) {
            return ASKS.get(input) + " (" + p.message() + ")";
        }
        return p.field().equals("body") && p.message().startsWith("nothing to correct")
                ? "Không có gì thay đổi: mọi giá trị đều như đang lưu."
                : p.field() + ": " + p.message();
    }

    public String value(String input) {
        return values.getOrDefault(input, "");
    }

    /** The problem beside an input, null when none. */
    public String error(String input) {
        return errors.get(input);
    }

    /** The input the cursor goes to when refused: the first on the form with a problem. */
    public String getFirstError() {
        return FORM_ORDER.stream().filter(errors::containsKey).findFirst().orElse("");
    }

    public boolean isRefused() {
        return !errors.isEmpty();
    }
}
