package vn.dossierpost.integration;

import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.domain.ChannelPolicy;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.SftpHostKeys;

/**
 * The Camel context, started and stopped with the service. It binds the beans the routes call, loads
 * the YAML routes and templates (from the routes folder, or from the jar when the folder is absent),
 * starts, and then makes one route per agency ({@link AgencyRoutes}). On stop, routes get a few
 * seconds to finish what they are sending; anything cut short is in the outbox under a lease and is
 * sent again after it.
 */
public final class CamelIntegration implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(CamelIntegration.class);

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final String routesFolder;
    private final AgencyRoutes agencyRoutes;
    private final ExecutorService senders;

    /**
     * @param beans      the beans the routes refer to by name
     * @param properties values the routes read as {@code {{name}}}
     * @param policy     where agencies may be reached (an agency outside it gets no route)
     * @param hostKeys   the SFTP host keys the agencies' servers must present
     */
    public CamelIntegration(
            String routesFolder,
            Map<String, Object> beans,
            Properties properties,
            AgencyChannels agencies,
            ChannelPolicy policy,
            SftpHostKeys hostKeys,
            int senderThreads) {
        this.routesFolder = routesFolder;
        camel.getCamelContextExtension().setName("dossierpost");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getShutdownStrategy().setTimeout(10);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        this.senders = camel.getExecutorServiceManager().newFixedThreadPool(this, "handover-sender", senderThreads);
        camel.getRegistry().bind("handoverSenders", senders);
        beans.forEach(camel.getRegistry()::bind);
        this.agencyRoutes = new AgencyRoutes(camel, agencies, policy, hostKeys);
        camel.getRegistry().bind("agencyRoutes", this.agencyRoutes);
    }

    public CamelContext context() {
        return camel;
    }

    public AgencyRoutes agencyRoutes() {
        return agencyRoutes;
    }

    @Override
    public void start() throws Exception {
        Path folder = Path.of(routesFolder);
        String location =
                Files.isDirectory(folder) ? "file:" + folder.toAbsolutePath() + "/*.yaml" : "classpath:routes/*.yaml";
        Collection<Resource> resources =
                PluginHelper.getPackageScanResourceResolver(camel).findResources(location);
        if (resources.isEmpty()) {
            throw new IllegalStateException("no Camel routes found at " + location);
        }
        PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
        camel.start();
        agencyRoutes.sync();
        LOG.info(
                "Camel started with {} route definitions from {}; agencies: {}",
                resources.size(),
                location,
                agencyRoutes.status());
    }

    @Override
    public void stop() {
        camel.stop();
    }
}
