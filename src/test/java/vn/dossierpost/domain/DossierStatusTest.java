package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.domain.DossierStatus.*;

import org.junit.jupiter.api.Test;

class DossierStatusTest {

    @Test
    void hasTheContractedConstantsInOrder() {
        assertThat(DossierStatus.values())
                .containsExactly(
                        RECEIVED,
                        DIGITISED,
                        IN_TRANSIT_TO_AGENCY,
                        DELIVERED_TO_AGENCY,
                        IN_PROCESSING,
                        SUPPLEMENT_REQUESTED,
                        REFUSED,
                        RESULT_READY,
                        AWAITING_RESULT,
                        RESULT_COLLECTED,
                        OUT_FOR_DELIVERY,
                        DELIVERY_FAILED,
                        HELD_AT_OFFICE,
                        DELIVERED,
                        RETURNED_TO_AGENCY,
                        WITHDRAWN);
    }

    @Test
    void labels() {
        assertThat(RECEIVED.labelVi()).isEqualTo("Đã tiếp nhận tại bưu cục");
        assertThat(RECEIVED.labelEn()).isEqualTo("Accepted at the post office");
        assertThat(WITHDRAWN.labelVi()).isEqualTo("Đã rút hồ sơ");
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(s.labelVi()).as("%s", s).isNotBlank().isNotEqualTo(s.labelEn());
            assertThat(s.labelEn()).as("%s", s).isNotBlank();
        }
    }

    @Test
    void portalStatuses() {
        assertThat(RECEIVED.portalStatus()).isEqualTo(1);
        assertThat(DELIVERED_TO_AGENCY.portalStatus()).isEqualTo(2);
        assertThat(REFUSED.portalStatus()).isEqualTo(3);
        assertThat(IN_PROCESSING.portalStatus()).isEqualTo(4);
        assertThat(SUPPLEMENT_REQUESTED.portalStatus()).isEqualTo(5);
        assertThat(WITHDRAWN.portalStatus()).isEqualTo(8);
        assertThat(RESULT_READY.portalStatus()).isEqualTo(9);
        assertThat(RETURNED_TO_AGENCY.portalStatus()).isEqualTo(9);
        assertThat(DELIVERED.portalStatus()).isEqualTo(10);
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(s.portalStatus()).as("%s", s).isBetween(1, 10);
        }
    }

    @Test
    void upuEventCodesOnTheirLeg() {
        assertThat(RECEIVED.upuEventCode()).isEqualTo("EMA");
        assertThat(RECEIVED.postalLeg()).isEqualTo(Leg.OUTBOUND);
        assertThat(DELIVERED_TO_AGENCY.upuEventCode()).isEqualTo("EMI");
        assertThat(RESULT_COLLECTED.upuEventCode()).isEqualTo("EMA");
        assertThat(RESULT_COLLECTED.postalLeg()).isEqualTo(Leg.RETURN);
        assertThat(OUT_FOR_DELIVERY.upuEventCode()).isEqualTo("EDG");
        assertThat(DELIVERY_FAILED.upuEventCode()).isEqualTo("EMH");
        assertThat(HELD_AT_OFFICE.upuEventCode()).isEqualTo("EMH");
        assertThat(DELIVERED.upuEventCode()).isEqualTo("EMI");
        assertThat(IN_PROCESSING.upuEventCode()).isNull();
        assertThat(IN_PROCESSING.postalLeg()).isNull();
        assertThat(WITHDRAWN.upuEventCode()).isNull();
    }
}
