package vn.dossierpost.auth;

/** What a sign-in attempt came to. */
public sealed interface SignIn {

    /** Signed in: {@code token} goes into the session cookie (only its hash is stored). */
    record Success(String token, WebSession session) implements SignIn {}

    /** Wrong username or password; which of the two is never said. */
    record Refused() implements SignIn {}

    /** Too many wrong passwords for this username or from this address: wait this many seconds. */
    record Locked(long retryAfterSeconds) implements SignIn {}
}
