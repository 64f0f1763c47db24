package vn.dossierpost.web.counter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.dossierpost.api.PaymentView;
import vn.dossierpost.domain.PaymentState;
import vn.dossierpost.web.counter.DossierPage.FormState;

/**
 * The money part of the clerk's dossier page: the state and who took it, the VietQR code while
 * pending, the clerk's confirmation (cash, card with its terminal reference, a transfer the applicant
 * shows) and the refund when one is due, with the documents to print.
 */
public final class PaymentPanel {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final String code;
    private final PaymentView view;
    private final ZoneId zone;
    private FormState confirmation = FormState.EMPTY;
    private String confirmationMethod = "CASH";
    private FormState refund = FormState.EMPTY;

    PaymentPanel(String code, PaymentView view, ZoneId zone) {
        this.code = code;
        this.view = view;
        this.zone = zone;
    }

    void confirmationRefused(String method, String terminalReference, String error) {
        confirmationMethod = method == null ? "CASH" : method;
        confirmation = new FormState(terminalReference == null ? "" : terminalReference, error);
    }

    void refundRefused(String reason, String error) {
        refund = new FormState(reason == null ? "" : reason, error);
    }

    public PaymentView getView() {
        return view;
    }

    public String getState() {
        return switch (view.state()) {
            case PENDING -> "Chưa thu";
            case PAID -> "Đã thu";
            case HELD -> "Chuyển khoản sai số tiền — chờ kiểm soát viên";
            case REFUNDED -> "Đã hoàn tiền";
        };
    }

    /** The method the money was (or is to be) taken by, in Vietnamese and English as on the slip. */
    public String getMethodTaken() {
        return view.method().label();
    }

    public String getPaidAt() {
        return view.paidAt() == null ? null : DATE_TIME.format(view.paidAt().atZoneSameInstant(zone));
    }

    public String getVietQrImageUrl() {
        return view.vietQr() == null ? null : base() + "/vietqr.png";
    }

    public String getReceiptUrl() {
        return view.receiptUrl() == null ? null : base() + "/bien-lai.pdf";
    }

    public String getRefundUrl() {
        return view.refundUrl() == null ? null : base() + "/phieu-hoan-tien.pdf";
    }

    /** A clerk confirms a pending payment; a transfer held for a wrong amount is the supervisor's. */
    public boolean isConfirmable() {
        return view.state() == PaymentState.PENDING && view.amountDue() > 0;
    }

    public FormState getConfirmation() {
        return confirmation;
    }

    public String getConfirmationMethod() {
        return confirmationMethod;
    }

    /** What a refund would pay back now (the service's rule), null when none is due. */
    public Long getRefundable() {
        return view.refundable();
    }

    public FormState getRefund() {
        return refund;
    }

    private String base() {
        return "/counter/ho-so/" + code + "/thanh-toan";
    }
}
