package vn.dossierpost.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=...} header (RFC 9110 §14), resolved against the file's
 * size. Several ranges, or a header that does not parse, are ignored (the whole file is served, as the
 * RFC allows); a range that starts past the end is unsatisfiable (416).
 */
public record ByteRange(long start, long end) {
    private static final Pattern SINGLE =
            Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$", Pattern.CASE_INSENSITIVE);

    /** The outcome of reading the header: no range (serve all), a range, or unsatisfiable. */
    public sealed interface Request permits Whole, Partial, Unsatisfiable {}

    public record Whole() implements Request {}

    public record Partial(ByteRange range) implements Request {}

    public record Unsatisfiable() implements Request {}

    public long length() {
        return end - start + 1;
    }

    public String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    public static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if ((!m.group(1).isEmpty() && first.isEmpty()) || (!m.group(2).isEmpty() && last.isEmpty())) {
            return new Whole(); // too many digits
        }
        if (first.isEmpty()) { // bytes=-N: the last N bytes
            long n = last.get();
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long start = first.get();
        if (last.isPresent() && last.get() < start) {
            return new Whole(); // invalid range: ignored
        }
        if (start >= size) {
            return new Unsatisfiable();
        }
        long end = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
        return new Partial(new ByteRange(start, end));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
