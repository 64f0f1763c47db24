package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

    private final Tariff tariff = new Tariff(List.of(
            new TariffRate(RouteClass.WITHIN_PROVINCE, Leg.OUTBOUND, 26_000),
            new TariffRate(RouteClass.WITHIN_PROVINCE, Leg.RETURN, 22_000),
            new TariffRate(RouteClass.INTER_PROVINCE, Leg.OUTBOUND, 38_000)));

    @Test
    void sendOnlyChargesOutboundPostageAndTheGovernmentFee() {
        Fees fees = FeeCalculator.itemise(ServiceForm.SEND_ONLY, RouteClass.WITHIN_PROVINCE, tariff, 50_000);

        assertThat(fees.items())
                .extracting(FeeItem::code, FeeItem::amount)
                .containsExactly(tuple("POSTAGE_OUTBOUND", 26_000L), tuple("GOVERNMENT_FEE", 50_000L));
        assertThat(fees.postage()).isEqualTo(26_000);
        assertThat(fees.governmentFee()).isEqualTo(50_000);
        assertThat(fees.total()).isEqualTo(76_000);
    }

    @Test
    void sendAndReturnChargesBothLegs() {
        Fees fees = FeeCalculator.itemise(ServiceForm.SEND_AND_RETURN, RouteClass.WITHIN_PROVINCE, tariff, 50_000);

        assertThat(fees.items())
                .extracting(FeeItem::code)
                .containsExactly("POSTAGE_OUTBOUND", "POSTAGE_RETURN", "GOVERNMENT_FEE");
        assertThat(fees.postage()).isEqualTo(48_000);
        assertThat(fees.total()).isEqualTo(98_000);
        assertThat(fees.items().get(2).labelVi()).isEqualTo("Phí, lệ phí thu hộ cơ quan giải quyết");
    }

    @Test
    void returnOnlyChargesReturnPostageAndNoGovernmentFee() {
        Fees fees = FeeCalculator.itemise(ServiceForm.RETURN_ONLY, RouteClass.WITHIN_PROVINCE, tariff, 50_000);

        assertThat(fees.items())
                .extracting(FeeItem::code, FeeItem::amount)
                .containsExactly(tuple("POSTAGE_RETURN", 22_000L));
        assertThat(fees.governmentFee()).isZero();
        assertThat(fees.total()).isEqualTo(22_000);
    }

    @Test
    void aFreeProcedureHasNoGovernmentFeeLine() {
        Fees fees = FeeCalculator.itemise(ServiceForm.SEND_ONLY, RouteClass.INTER_PROVINCE, tariff, 0);

        assertThat(fees.items()).extracting(FeeItem::code).containsExactly("POSTAGE_OUTBOUND");
        assertThat(fees.total()).isEqualTo(38_000);
    }

    @Test
    void aMissingRateIsAnError() {
        assertThatThrownBy(
                        () -> FeeCalculator.itemise(ServiceForm.SEND_AND_RETURN, RouteClass.INTER_PROVINCE, tariff, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the tariff has no postage for INTER_PROVINCE RETURN");
        assertThatThrownBy(() -> tariff.postage(RouteClass.WITHIN_COMMUNE, Leg.OUTBOUND))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void negativeGovernmentFeeIsRejected() {
        assertThatThrownBy(() -> FeeCalculator.itemise(ServiceForm.SEND_ONLY, RouteClass.WITHIN_PROVINCE, tariff, -1))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void tariffFromAMap() {
        Tariff fromMap =
                Tariff.of(Map.of(RouteClass.WITHIN_COMMUNE, Map.of(Leg.OUTBOUND, 15_000L, Leg.RETURN, 14_000L)));

        assertThat(fromMap.postage(RouteClass.WITHIN_COMMUNE, Leg.OUTBOUND)).isEqualTo(15_000);
        assertThat(fromMap.postage(RouteClass.WITHIN_COMMUNE, Leg.RETURN)).isEqualTo(14_000);
        assertThat(fromMap.rates()).hasSize(2);
    }

    @Test
    void tariffRejectsADuplicateRate() {
        assertThatThrownBy(() -> new Tariff(List.of(
                        new TariffRate(RouteClass.WITHIN_COMMUNE, Leg.OUTBOUND, 15_000),
                        new TariffRate(RouteClass.WITHIN_COMMUNE, Leg.OUTBOUND, 16_000))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("given twice");
    }
}
