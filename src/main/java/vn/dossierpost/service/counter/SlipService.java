package vn.dossierpost.service.counter;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.PaymentView;
import vn.dossierpost.db.CatalogueDAO.AgencyRow;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.domain.TransitTime;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.ConsignmentSlipPdf;
import vn.dossierpost.pdf.SlipData;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.payment.PaymentService;

/**
 * The consignment slip ("Phiếu gửi hồ sơ", TT 17/2017 Art. 9) of a dossier, as a PDF. The clerk's
 * signature block names the clerk who took the dossier in by their full name; a user without one
 * leaves the line blank for the handwritten name, rather than printing a login name on a public paper.
 */
public final class SlipService {
    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final PaymentService payments;
    private final String trackingUrl;
    private final ConsignmentSlipPdf pdf = new ConsignmentSlipPdf();

    public SlipService(
            Jdbi jdbi,
            DossierService dossiers,
            ReferenceDataCache referenceData,
            PaymentService payments,
            String trackingUrl) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.payments = payments;
        this.trackingUrl = trackingUrl;
    }

    public byte[] slip(User user, String code) {
        DossierService.Loaded loaded = dossiers.load(user, code);
        DossierRow d = loaded.row();
        ReferenceData ref = referenceData.get();
        OfficeRow office = ref.office(d.officeCode()).orElseThrow();
        AgencyRow agency = ref.agency(d.agencyCode()).orElseThrow();
        String s10 = d.s10Number() != null ? d.s10Number() : d.returnS10Number();
        var fees = dossiers.fees(d);
        List<SlipData.Charge> postage = fees.items().stream()
                .filter(i -> i.code().startsWith("POSTAGE"))
                .map(i -> new SlipData.Charge(i.labelVi(), i.amount()))
                .toList();
        List<SlipData.Document> documents = loaded.components().stream()
                .map(c -> new SlipData.Document(
                        c.name(), c.form().equals("ORIGINAL") ? "Bản chính" : "Bản sao", c.pages()))
                .toList();
        String applicantAddress = d.applicantStreet()
                + ref.commune(d.applicantCommune()).map(c -> ", " + c.name()).orElse("");
        String agencyAddress = agency.address();
        // present while the payment is pending and VietQR is offered: the applicant may pay from the slip
        PaymentView.VietQrView vietQr = payments.view(user, code).vietQr();
        return pdf.render(new SlipData(
                d.code(),
                s10,
                trackingUrl + s10,
                d.receivedAt(),
                new SlipData.PostOffice(office.name(), office.address(), office.phone()),
                d.serviceForm().name(),
                d.deliveryMethod() == null ? null : d.deliveryMethod().name(),
                new SlipData.Party(d.applicantName(), applicantAddress, d.applicantPhone(), d.applicantEmail()),
                new SlipData.Party(agency.name(), agencyAddress, agency.phone(), agency.email()),
                ref.procedure(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode()),
                d.governmentFee(),
                postage,
                fees.total(),
                d.paymentMethod().label()
                        + (fees.dueOnDelivery() > 0
                                ? "; thu khi phát kết quả / due on delivery: " + SlipText.vnd(fees.dueOnDelivery())
                                : ""),
                serviceQuality(ref, d),
                new SlipData.DueDates(d.handoverDue(), d.resultDue(), d.returnDue()),
                documents,
                fullName(d.receivedBy()),
                filer(d.filer()),
                vietQr == null ? null : vietQr.payload()));
    }

    private static SlipData.Filer filer(Filer f) {
        return f == null
                ? null
                : new SlipData.Filer(
                        f.name(), f.idType().label() + " " + f.idNumber(), f.relation(), f.authorisation());
    }

    private String fullName(String username) {
        return jdbi.withExtension(UserDAO.class, dao -> dao.find(username))
                .map(UserDAO.UserRow::fullName)
                .filter(name -> !name.isBlank())
                .orElse(null);
    }

    /** "Chuyển phát hồ sơ: J+n ngày làm việc" for the route class of the dossier (TT 17/2017 Art. 7). */
    private static String serviceQuality(ReferenceData ref, DossierRow d) {
        RouteClass routeClass = d.routeClass();
        TransitTime t = ref.transitTime(routeClass);
        int n = t.days(d.appointmentSlipByPost());
        ServiceForm form = d.serviceForm();
        String leg = form == ServiceForm.RETURN_ONLY ? "Chuyển trả kết quả" : "Chuyển phát hồ sơ";
        return leg + ": J+" + n + " ngày làm việc (" + routeClass.labelVi() + "); J = " + d.acceptanceDay();
    }
}
