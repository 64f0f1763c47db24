package vn.dossierpost.pdf;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values read on Vietnamese postal documents: "1.234.000 đ", "7,52 MB", "04/12/2026", local
 * time, and the Vietnamese names of the enumerations they print.
 */
public final class SlipText {

    /** Vietnam has one time zone; a time stored in UTC is printed as the clerk saw it. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    private SlipText() {}

    public static String vnd(long amount) {
        return count(amount) + " đ";
    }

    /** A whole number with dots between the thousands: "1.500". */
    static String count(long n) {
        return new DecimalFormat("#,##0", symbols()).format(n);
    }

    /** Binary megabytes, as file managers show them, with a decimal comma: "7,52 MB". */
    static String megabytes(long bytes) {
        return new DecimalFormat("#,##0.00", symbols()).format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return symbols;
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(OffsetDateTime time) {
        return DATE_TIME.format(time.atZoneSameInstant(VIETNAM));
    }

    /** Vietnamese and English names of a service form (QĐ 45/2016 Art. 5); unknown names as given. */
    static String[] serviceForm(String name) {
        return switch (name) {
            case "SEND_ONLY" -> new String[] {"Gửi hồ sơ", "Send only"};
            case "RETURN_ONLY" -> new String[] {"Nhận kết quả", "Return only"};
            case "SEND_AND_RETURN" -> new String[] {"Gửi hồ sơ và nhận kết quả", "Send and return"};
            default -> new String[] {name, ""};
        };
    }

    static String[] deliveryMethod(String name) {
        return switch (name) {
            case "HOME" -> new String[] {"Phát tận địa chỉ", "Home delivery"};
            case "PICKUP_AT_OFFICE" -> new String[] {"Nhận tại bưu cục", "Pick-up at the office"};
            default -> new String[] {name, ""};
        };
    }

    /** How a handover travels to the agency (the agency's channel); unknown names as given. */
    static String channel(String name) {
        return switch (name) {
            case "HTTP" -> "Điện tử, qua kết nối HTTP";
            case "FILE_DROP" -> "Điện tử, qua thư mục trao đổi tệp";
            case "SFTP" -> "Điện tử, qua SFTP";
            default -> name;
        };
    }

    /** Where a handover stands; unknown names as given. */
    static String handoverState(String name) {
        return switch (name) {
            case "SENDING" -> "Đang gửi";
            case "SENT" -> "Đã gửi, chờ cơ quan xác nhận";
            case "DELIVERED" -> "Cơ quan đã xác nhận tiếp nhận";
            case "FAILED" -> "Gửi không thành công";
            default -> name;
        };
    }
}
