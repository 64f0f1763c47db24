package vn.dossierpost.integration;

/**
 * What an agency's "test connection" found: whether the channel works, the answer in short ("HTTP
 * 200", "folder writable", "no answer"), how long it took, and the detail (the agency's words, the
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
