package vn.dossierpost.service.payment;

/**
 * The post's receiving bank account for VietQR transfers and the secret the bank signs its callbacks
 * with. Empty BIN or account: VietQR is not offered; empty secret: callbacks are refused.
 */
public record PaymentSettings(String acquirerBin, String account, String callbackSecret) {
    public boolean vietQrOffered() {
        return notBlank(acquirerBin) && notBlank(account);
    }

    public boolean callbacksAccepted() {
        return notBlank(callbackSecret);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
