package vn.dossierpost.web.counter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.IdType;

/** The form as sent turned into the API's request, and the service's problems put back beside their inputs. */
class IntakeFormTest {
    private static final ProcedureView PROCEDURE = new ProcedureView(
            "2.000488",
            "Cấp Phiếu lý lịch tư pháp số 1",
            null,
            "000.00.15.H26",
            "Sở Tư pháp",
            10,
            200_000,
            true,
            null,
            List.of(
                    new ProcedureView.Document("TO_KHAI", "Tờ khai", "ORIGINAL", true),
                    new ProcedureView.Document("GIAY_TO_TUY_THAN", "Căn cước", "COPY", true),
                    new ProcedureView.Document("GIAY_TO_CU_TRU", "Cư trú", "COPY", false)),
            true,
            true);

    @Test
    void theDocumentsGoInTheProceduresOrderAndTheirProblemsComeBackBesideThem() {
        MultivaluedHashMap<String, String> sent = new MultivaluedHashMap<>();
        sent.put("component", List.of("GIAY_TO_CU_TRU", "TO_KHAI", "NOT_OURS"));
        sent.putSingle("form-TO_KHAI", "COPY");
        sent.putSingle("pages-TO_KHAI", "hai");
        sent.putSingle("form-GIAY_TO_CU_TRU", "COPY");
        sent.putSingle("pages-GIAY_TO_CU_TRU", "3");
        sent.putSingle("procedure", " 2.000488 ");
        sent.putSingle("deliveryMethod", "HOME");
        sent.putSingle("sameAddress", "1");
        sent.putSingle("street", "Số 1");
        sent.putSingle("communeCode", "00070");
        IntakeForm form = IntakeForm.of(sent);

        IntakeRequest request = form.toRequest(PROCEDURE);
        // as typed: trimming is the service's, as for the JSON API
        assertThat(request.procedureCode()).isEqualTo(" 2.000488 ");
        assertThat(request.components())
                .containsExactly(
                        new IntakeRequest.Component("TO_KHAI", DocumentForm.COPY, null),
                        new IntakeRequest.Component("GIAY_TO_CU_TRU", DocumentForm.COPY, 3));
        assertThat(request.delivery().method()).isEqualTo(DeliveryMethod.HOME);
        assertThat(request.delivery().address()).isEqualTo(request.applicant().address());

        Map<String, List<String>> errors = form.inputsOf(List.of(
                new FieldProblem("applicant.citizenId", "is required"),
                new FieldProblem("delivery.address.street", "is required"),
                new FieldProblem("components[0].form", "must be the ORIGINAL"),
                new FieldProblem("components[0].pages", "is required"),
                new FieldProblem("components", "missing required document GIAY_TO_TUY_THAN"),
                new FieldProblem("body", "something else")));
        assertThat(errors)
                .containsOnlyKeys("citizenId", "form-TO_KHAI", "pages-TO_KHAI", "components", "form")
                .containsEntry("components", List.of("missing required document GIAY_TO_TUY_THAN"));
    }

    @Test
    void theIdTypeAndTheFilerGoAsTypedAndTheirProblemsComeBackBesideThem() {
        MultivaluedHashMap<String, String> sent = new MultivaluedHashMap<>();
        sent.putSingle("procedure", "2.000488");
        sent.putSingle("idType", "PASSPORT");
        sent.putSingle("citizenId", "c1234567");
        sent.putSingle("filerName", "Trần Thị Mai");
        sent.putSingle("filerIdType", "CCCD");
        sent.putSingle("filerIdNumber", "001190123456");
        sent.putSingle("filerRelation", "con");
        sent.putSingle("filerAuthorisation", "GUQ 88/2026");
        IntakeForm unticked = IntakeForm.of(sent);
        assertThat(unticked.toRequest(PROCEDURE).filer())
                .as("details typed, box not ticked")
                .isNull();

        sent.putSingle("filer", "1");
        IntakeForm form = IntakeForm.of(sent);
        IntakeRequest request = form.toRequest(PROCEDURE);
        assertThat(request.applicant().idType()).isEqualTo(IdType.PASSPORT);
        assertThat(request.applicant().idNumber()).isEqualTo("c1234567");
        assertThat(request.applicant().citizenId()).isNull();
        assertThat(request.filer())
                .isEqualTo(new IntakeRequest.Filer("Trần Thị Mai", IdType.CCCD, "001190123456", "con", "GUQ 88/2026"));

        assertThat(form.inputsOf(List.of(
                        new FieldProblem("applicant.idNumber", "must be a passport number"),
                        new FieldProblem("filer", "is not allowed"),
                        new FieldProblem("filer.authorisation", "is required"))))
                .containsOnlyKeys("citizenId", "filerName", "filerAuthorisation");
    }
}
