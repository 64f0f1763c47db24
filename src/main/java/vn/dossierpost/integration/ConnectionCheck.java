package vn.dossierpost.integration;

/**
 * What an agency's "test connection" found: whether the channel works, the answer in short, as the
 * page shows it ("HTTP 200", "ghi được vào thư mục", "không trả lời"), how long it took, and the detail (the agency's words, the
 * error).
 */
public record ConnectionCheck(boolean ok, String answer, long millis, String message) {

    static ConnectionCheck ok(String answer, long millis, String message) {
        return new ConnectionCheck(true, answer, millis, message);
    }

    static ConnectionCheck failed(String answer, long millis, String message) {
        return new ConnectionCheck(false, answer, millis, message);
    }
}
