package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimelineEventTest {

    @Test
    void everyAgencyEventKeptWithoutEffectHasItsEntry() {
        for (AgencyEventType type : AgencyEventType.values()) {
            assertThat(TimelineEvent.notApplied(type).name()).isEqualTo("AGENCY_" + type.name());
        }
    }

    @Test
    void everyLateNoticeHasItsStaffEntry() {
        for (LateNotice late : LateNotice.values()) {
            assertThat(TimelineEvent.of(late).isPublic()).as(late.name()).isFalse();
        }
    }

    @Test
    void onlyTheTransferTheArrivalAndALossOrDamageAreShownToThePublic() {
        assertThat(Arrays.stream(TimelineEvent.values()).filter(TimelineEvent::isPublic))
                .containsExactly(
                        TimelineEvent.TRANSFERRED_TO_DELIVERY_OFFICE,
                        TimelineEvent.ARRIVED_AT_DELIVERY_OFFICE,
                        TimelineEvent.ITEM_LOST,
                        TimelineEvent.ITEM_DAMAGED);
        assertThat(TimelineEvent.ARRIVED_AT_DELIVERY_OFFICE.upuEventCode()).isEqualTo("EMG");
        assertThat(TimelineEvent.ARRIVED_AT_DELIVERY_OFFICE.labelVi()).isEqualTo("Đã đến bưu cục phát");
        assertThat(TimelineEvent.TRANSFERRED_TO_DELIVERY_OFFICE.upuEventCode()).isNull();
    }

    @Test
    void noEntryIsNamedLikeAStatus() {
        for (TimelineEvent event : TimelineEvent.values()) {
            assertThat(Arrays.stream(DossierStatus.values()).map(Enum::name)).doesNotContain(event.name());
        }
    }

    @Test
    void everyEntryHasAVietnameseLabelForTheStaffTimeline() {
        for (TimelineEvent event : TimelineEvent.values()) {
            assertThat(event.labelVi()).as(event.name()).isNotBlank();
            assertThat(event.labelEn()).as(event.name()).isNotBlank();
        }
    }
}
