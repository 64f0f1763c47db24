package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.agency.AgencyEventRequest;

/** The shape checks where no Jersey is in front: an inbox file's events, and the services that merge them with their own. */
class ShapesTest {

    @Test
    void anEventIsCheckedWholeWithWhatItsTypeNeeds() {
        AgencyEventRequest event =
                new AgencyEventRequest("e".repeat(201), " ", "REFUSED", null, null, null, null, null);
        Problem p = catchThrowableOfType(Problem.class, () -> Shapes.check(event, "an event is required"));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.problems()).extracting(FieldProblem::field).containsExactly("eventId", "dossierCode", "reason");
        assertThat(p.getMessage())
                .startsWith("3 problems; first eventId: is required: the agency's own id of the event");
        assertThat(p.problems().get(2).message()).isEqualTo("is required for REFUSED (the applicant is told why)");
    }

    @Test
    void anUnknownTypeIsNamedWithTheTypesThereAre() {
        Problem p = catchThrowableOfType(
                Problem.class,
                () -> Shapes.check(
                        new AgencyEventRequest(
                                "e-1", "000.00.15.H26-261201-0001", "FINISHED", null, null, null, null, null),
                        "-"));
        assertThat(p.problems())
                .containsExactly(
                        new FieldProblem(
                                "type",
                                "must be one of RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, DELAYED, RESULT_READY"));
        assertThat(Shapes.problems(new AgencyEventRequest(
                        "e-2", "000.00.15.H26-261201-0001", "DELAYED", null, null, null, null, null)))
                .containsExactly(new FieldProblem("newAppointmentDate", "is required for DELAYED (YYYY-MM-DD)"));
    }

    @Test
    void noRequestAtAllNamesTheBody() {
        Problem p = catchThrowableOfType(Problem.class, () -> Shapes.check(null, "an event (JSON object) is required"));
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.getMessage()).isEqualTo("body: an event (JSON object) is required");
    }

    @Test
    void aPartIsNamedUnderItsPathAndProblemsComeInTheOrderOfTheForm() {
        List<FieldProblem> address =
                Shapes.problems(new IntakeRequest.Address("phố\u0007Huế", "7"), "delivery.address");
        assertThat(address)
                .extracting(FieldProblem::field)
                .containsExactly("delivery.address.street", "delivery.address.communeCode");
        assertThat(address.get(1).message()).isEqualTo("must be a 5-digit commune code, got '7'");

        List<FieldProblem> merged = Shapes.inOrder(
                IntakeRequest.class,
                List.of(
                        new FieldProblem("paymentMethod", "a"),
                        new FieldProblem("components[10].pages", "b"),
                        new FieldProblem("components[2].code", "c"),
                        new FieldProblem("components", "d"),
                        new FieldProblem("applicant.address.communeCode", "e"),
                        new FieldProblem("applicant.fullName", "f"),
                        new FieldProblem("procedureCode", "g"),
                        new FieldProblem("procedureCode", "h"),
                        new FieldProblem("procedureCode", "g")));
        assertThat(merged).extracting(FieldProblem::message).containsExactly("g", "h", "f", "e", "c", "b", "d", "a");
    }
}
