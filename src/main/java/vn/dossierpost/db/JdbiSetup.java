package vn.dossierpost.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
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
            AgencyDAO.class,
            AgencyEventDAO.class,
            CatalogueDAO.class,
            CourierDAO.class,
            DeliveryDAO.class,
            DossierDAO.class,
            DossierFileDAO.class,
            EventDAO.class,
            HandoverDAO.class,
            NotificationDAO.class,
            OutboxDAO.class,
            PickupDAO.class,
            UserDAO.class,
            WebSessionDAO.class);

    private JdbiSetup() {}

    static List<Class<?>> daos() {
        return DAOS;
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.setTemplateEngine(new DefinedAttributeTemplateEngine());
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions
                .findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        DAOS.forEach(dao -> extensions.findMetadata(dao, sqlObjects));
        return jdbi;
    }
}
