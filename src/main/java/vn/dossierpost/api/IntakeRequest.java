package vn.dossierpost.api;

import java.util.List;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.ServiceForm;

/**
 * {@code POST /api/dossiers}. The first five fields are the contract; the rest are optional:
 * {@code appointmentSlipByPost} (the post also brings the agency's appointment slip back, which
 * lengthens the leg per TT 17/2017 Art. 7), {@code agencyReference} (RETURN_ONLY: the agency's own
 * reference of a dossier filed elsewhere), {@code paymentMethod}; {@code delivery.postageOnDelivery}: the
 * return postage is collected from the recipient when the result is delivered instead of at the counter.
 */
public record IntakeRequest(
        String procedureCode,
        ServiceForm serviceForm,
        Applicant applicant,
        Delivery delivery,
        List<Component> components,
        Boolean appointmentSlipByPost,
        String agencyReference,
        String paymentMethod) {

    public record Applicant(String fullName, String citizenId, String phone, String email, Address address) {}

    public record Address(String street, String communeCode) {}

    public record Delivery(DeliveryMethod method, Address address, Boolean postageOnDelivery) {}

    public record Component(String code, DocumentForm form, Integer pages) {}
}
