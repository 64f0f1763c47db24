package vn.dossierpost.pdf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a consignment slip ("Phiếu gửi hồ sơ", TT 17/2017/TT-BTTTT Art. 9).
 * Enumerations travel as their names (e.g. {@code "SEND_AND_RETURN"}) so that this package does
 * not depend on the domain model. Amounts are whole Vietnamese đồng.
 *
 * @param serviceForm    {@code SEND_ONLY}, {@code SEND_AND_RETURN} or {@code RETURN_ONLY}
 * @param deliveryMethod {@code HOME} or {@code PICKUP_AT_OFFICE}
 * @param total          the amount collected, as charged (not recomputed here)
 * @param paymentMethod  printed as given, e.g. "Tiền mặt"
 * @param serviceQuality printed as given, e.g. "Chuyển phát hồ sơ: J+2 ngày làm việc"
 * @param filer          who filed on the sender's behalf, and signs for them; null when the sender filed
 * @param vietQrPayload  the VietQR code to pay by transfer, while the payment is pending; null otherwise
 */
public record SlipData(
        String dossierCode,
        String s10Number,
        String trackingUrl,
        OffsetDateTime acceptedAt,
        PostOffice acceptedBy,
        String serviceForm,
        String deliveryMethod,
        Party sender,
        Party recipient,
        String procedureName,
        long governmentFee,
        List<Charge> postage,
        long total,
        String paymentMethod,
        String serviceQuality,
        DueDates dueDates,
        List<Document> documents,
        String clerkName,
        Filer filer,
        String vietQrPayload) {

    public SlipData {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(s10Number, "s10Number");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(serviceForm, "serviceForm");
        Objects.requireNonNull(deliveryMethod, "deliveryMethod");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(procedureName, "procedureName");
        postage = List.copyOf(postage);
        dueDates = dueDates == null ? new DueDates(null, null, null) : dueDates;
        documents = List.copyOf(documents);
    }

    /** The post office where the dossier was accepted: the "place" of acceptance. */
    public record PostOffice(String name, String address, String phone) {}

    /** Sender (the applicant) or recipient (the agency). {@code email} and {@code phone} may be null. */
    public record Party(String name, String address, String phone, String email) {}

    /**
     * Who filed for the sender (người nộp thay). {@code identity} is printed as given, e.g.
     * "CCCD 001190123456"; {@code authorisation} is the reference of the authorisation.
     */
    public record Filer(String name, String identity, String relation, String authorisation) {}

    /** One line of postage, e.g. "Cước chuyển phát hồ sơ". */
    public record Charge(String label, long amount) {}

    /** Each date may be null when it does not apply to the service form or is not known yet. */
    public record DueDates(LocalDate handoverBy, LocalDate resultAppointment, LocalDate returnBy) {}

    /** A listed document: {@code form} is "Bản chính" (original) or "Bản sao" (copy). */
    public record Document(String name, String form, int pages) {}
}
