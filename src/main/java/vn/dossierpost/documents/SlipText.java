package vn.dossierpost.documents;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values read on Vietnamese postal documents: "1.234.000 đ", "04/12/2026", local time. */
final class SlipText {

  /** Vietnam has one time zone; a time stored in UTC is printed as the clerk saw it. */
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

  private SlipText() {}

  static String vnd(long amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", symbols).format(amount) + " đ";
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String dateTime(OffsetDateTime time) {
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
}
