package vn.dossierpost.app;

import com.codahale.metrics.CachedGauge;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.NotificationDAO;
import vn.dossierpost.integration.MailEndpoint;
import vn.dossierpost.integration.SmsGateway;
import vn.dossierpost.resources.NotificationResource;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.service.notify.NotificationDelivery;

/**
 * The sending side of the applicant messages that {@code Notifications} queues: what
 * routes/notifications.yaml calls (delivery, the SMS gateway) and its settings as route properties,
 * handed to the Camel context; the staff's view of a dossier's messages; the pending gauge.
 */
public final class NotificationModule {
    private final DossierpostConfiguration.Notifications settings;
    private final Environment environment;

    private final long maxAnswerBytes;

    public NotificationModule(
            DossierpostConfiguration.Notifications settings, long maxAnswerBytes, Environment environment) {
        this.settings = settings;
        this.maxAnswerBytes = maxAnswerBytes;
        this.environment = environment;
    }

    /** The SMS gateway is closed on stop; register this before the Camel context so it closes after it. */
    public RouteBindings register(SharedParts shared) {
        RetryPolicy retry = new RetryPolicy(
                settings.firstRetryDelay.toJavaDuration(),
                settings.largestRetryDelay.toJavaDuration(),
                settings.retryFor.toJavaDuration());
        NotificationDelivery delivery = new NotificationDelivery(
                shared.jdbi(), shared.clock(), retry, settings.lease.toJavaDuration(), environment.metrics());
        SmsGateway sms = new SmsGateway(
                settings.sms.url,
                settings.sms.keyHeader,
                settings.sms.key,
                settings.sms.timeout.toJavaDuration(),
                shared.json(),
                maxAnswerBytes);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                sms.close();
            }
        });
        DossierpostConfiguration.Smtp smtp = settings.smtp;
        Properties properties = new Properties();
        properties.setProperty("notifications.enabled", Boolean.toString(settings.enabled));
        properties.setProperty("notifications.pollIntervalMs", Long.toString(settings.pollInterval.toMilliseconds()));
        properties.setProperty("notifications.perPass", Integer.toString(settings.perPass));
        properties.setProperty(
                "notifications.mailEndpoint",
                MailEndpoint.uri(
                        smtp.host,
                        smtp.port,
                        smtp.tls,
                        smtp.startTls,
                        smtp.username,
                        smtp.password,
                        smtp.from,
                        smtp.timeout.toJavaDuration()));
        environment.jersey().register(new NotificationResource(delivery));
        NotificationDAO dao = shared.jdbi().onDemand(NotificationDAO.class);
        environment.metrics().register("notifications.pending", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return dao.pending();
            }
        });
        return new RouteBindings(Map.of("notificationDelivery", delivery, "smsGateway", sms), properties);
    }
}
