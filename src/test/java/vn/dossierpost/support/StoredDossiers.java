package vn.dossierpost.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.ServiceForm;

/** Dossier rows written straight to the database, for tests below the HTTP API. */
public final class StoredDossiers {
    private StoredDossiers() {}

    /** A SEND_ONLY judicial record dossier of office 100000, as intake stores it, under {@code code}. */
    public static DossierDAO.NewDossier received(String code) {
        return new DossierDAO.NewDossier(
                code,
                null,
                "2.000488",
                "000.00.15.H26",
                "100000",
                ServiceForm.SEND_ONLY,
                DossierStatus.RECEIVED,
                "Lê Thị Thu Hằng",
                "001190123456",
                "0912345678",
                null,
                "Số 1 Tràng Tiền",
                "00070",
                DeliveryMethod.PICKUP_AT_OFFICE,
                null,
                null,
                false,
                null,
                RouteClass.WITHIN_PROVINCE,
                OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(7)),
                "clerk",
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 12, 9),
                null,
                28000,
                200000,
                PaymentMethod.CASH,
                "{\"items\": []}",
                IdType.CCCD,
                null,
                "100000");
    }
}
