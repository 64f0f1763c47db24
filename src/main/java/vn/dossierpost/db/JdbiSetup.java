package vn.dossierpost.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * JDBI settings that matter under load. Each handle works on a copy of the Jdbi's configuration,
 * so SqlObject metadata first worked out on a handle is lost when it closes and was rebuilt on every
 * request (half the CPU time of an intake); working it out once here puts it in every copy.
 * Dropwizard's name-prepending template engine also renders every statement from scratch, while
 * JDBI's own engine parses each template once.
 */
public final class JdbiSetup {
    /** Every SqlObject interface of this package (JdbiSetupTest fails when one is missing). */
    private static final List<Class<?>> DAOS = List.of(
            AccessLogDAO.class,
            AgencyChangeDAO.class,
            AgencyDeskDAO.class,
            AgencyDAO.class,
            AgencyEventDAO.class,
            CatalogueDAO.class,
            ComplaintDAO.class,
            CourierDAO.class,
            DashboardDAO.class,
            DeliveryDAO.class,
            DossierDAO.class,
            DossierTrackingDAO.class,
            DossierFileDAO.class,
            EventDAO.class,
            HandoverDAO.class,
            HomePickupDAO.class,
            InboxClaimDAO.class,
            IncidentDAO.class,
            NotificationDAO.class,
            OfficeCommuneDAO.class,
            OutboxDAO.class,
            PaymentDAO.class,
            PickupDAO.class,
            RateLimitDAO.class,
            RatingDAO.class,
            RemittanceDAO.class,
            ReportDAO.class,
            RetentionDAO.class,
            S10SeriesDAO.class,
            SignInFailureDAO.class,
            UserDAO.class,
            WebSessionDAO.class);

    private JdbiSetup() {}

    /** The error and the statement as written (names of parameters, no values); JDBI's own renderings all add the values. */
    private static String withoutValues(StatementException e) {
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRawSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        return e.getShortMessage() + " [statement:\"" + (sql.length() > 500 ? sql.substring(0, 500) + "…" : sql)
                + "\"]";
    }

    static List<Class<?>> daos() {
        return DAOS;
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.setTemplateEngine(new DefinedAttributeTemplateEngine());
        // JDBI's default message lists the bound values (names, ID numbers, phones) and the error
        // mapper logs it: the statement is enough to find what failed, the values stay out of the log.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(JdbiSetup::withoutValues);
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions
                .findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        DAOS.forEach(dao -> extensions.findMetadata(dao, sqlObjects));
        return jdbi;
    }
}
