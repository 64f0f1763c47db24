package vn.dossierpost.domain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The payload of a NAPAS VietQR code for a bank transfer to the post's account: an EMVCo
 * merchant-presented QR, each field written as ID, two-digit length, value. Any Vietnamese banking
 * app scans it and fills in the beneficiary, the amount and the purpose; the purpose (the dossier
 * code) comes back on the bank's callback, which is how a transfer is matched to its dossier.
 *
 * <p>Fields, in the order the published examples use: 00 payload format "01"; 01 point of
 * initiation "12" (dynamic: it carries an amount); 38 merchant account (00 NAPAS GUID
 * "A000000727", 01 beneficiary: 00 acquirer BIN, 01 account; 02 service "QRIBFTTA", transfer to an
 * account); 53 currency "704" (VND); 54 amount; 58 country "VN"; 62 additional data (08 purpose);
 * 63 CRC-16/CCITT-FALSE over everything before it, including the characters "6304".
 */
public final class VietQr {
    public static final String NAPAS_GUID = "A000000727";
    public static final String TRANSFER_TO_ACCOUNT = "QRIBFTTA";

    private static final Pattern BIN = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");
    /** Banking apps show the purpose as typed: plain ASCII, at most 25 characters (EMVCo ID 08). */
    private static final Pattern PURPOSE = Pattern.compile("[\\x20-\\x7E]{1,25}");

    private VietQr() {}

    /**
     * @param bin the acquirer's 6-digit NAPAS BIN (970415, say)
     * @param account the beneficiary account number
     * @param amount VND, more than 0
     * @param purpose what the transfer is for, printable ASCII, up to 25 characters
     */
    public static String payload(String bin, String account, long amount, String purpose) {
        if (bin == null || !BIN.matcher(bin).matches()) {
            throw new InvalidValueException("acquirer BIN must be 6 digits, got " + bin);
        }
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new InvalidValueException("account must be 1 to 19 letters or digits");
        }
        if (amount <= 0) {
            throw new InvalidValueException("amount must be more than 0 VND");
        }
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new InvalidValueException("purpose must be 1 to 25 printable ASCII characters");
        }
        String beneficiary = field("00", bin) + field("01", account);
        String merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TRANSFER_TO_ACCOUNT);
        String body = field("00", "01")
                + field("01", "12")
                + field("38", merchant)
                + field("53", "704")
                + field("54", Long.toString(amount))
                + field("58", "VN")
                + field("62", field("08", purpose))
                + "6304";
        return body + String.format("%04X", crc16(body));
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
    public static int crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new InvalidValueException("field " + id + " is longer than 99 characters");
        }
        return id + String.format("%02d", value.length()) + value;
    }
}
