package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import vn.dossierpost.integration.AgencyRoutes;
import vn.dossierpost.integration.CamelIntegration;

/**
 * An agency's handover routes made from the YAML templates in routes/ as the service makes them
 * ({@link AgencyRoutes#sync} from the agency's row; here before the context starts), with their
 * timers replaced by {@code direct:} endpoints (AdviceWith), so that a test runs one pass when it
 * says so and waits for that pass with a NotifyBuilder instead of polling the database.
 */
public final class HandoverRoutes {
    /** How long one pass of a route may take before the test fails. */
    public static final Duration PASS_TIMEOUT = Duration.ofSeconds(10);

    private HandoverRoutes() {}

    public static String batchEndpoint(String agency) {
        return "direct:batch-" + agency;
    }

    public static String sendEndpoint(String agency) {
        return "direct:handover-" + agency;
    }

    /**
     * Loads the named files of routes/ into the (not yet started) context of {@code camel}, makes the
     * agencies' routes from their rows, replaces the batching and sending routes' timers of
     * {@code agency} with {@link #batchEndpoint} and {@link #sendEndpoint}, and starts the context.
     */
    public static void start(CamelIntegration camel, String agency, String... files) throws Exception {
        CamelContext context = camel.context();
        List<Resource> resources = Arrays.stream(files)
                .map(f -> {
                    Path file = Path.of("routes", f);
                    assertThat(file).as("route file").exists();
                    return PluginHelper.getResourceLoader(context).resolveResource("file:" + file.toAbsolutePath());
                })
                .toList();
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
        camel.agencyRoutes().sync();
        AdviceWith.adviceWith(
                context, AgencyRoutes.batchRouteId(agency), a -> a.replaceFromWith(batchEndpoint(agency)));
        AdviceWith.adviceWith(
                context, AgencyRoutes.handoverRouteId(agency), a -> a.replaceFromWith(sendEndpoint(agency)));
        context.start();
        assertThat(camel.agencyRoutes().status()).containsEntry(agency, "Started");
    }

    /** One pass of the agency's batching route; returns how many dossiers it put into handovers. */
    public static int batch(ProducerTemplate template, String agency) {
        return template.requestBody(batchEndpoint(agency), null, Integer.class);
    }

    /**
     * One pass of the agency's sending route, as its timer would start it; waits (at most
     * {@link #PASS_TIMEOUT}) until the exchange is done, and fails the test if it did not finish or
     * ended in an exception. The NotifyBuilder waits for this very exchange: the route's splits make
     * an exchange of their own for each handover and each dossier, done earlier, which would match
     * a bare {@code whenDone(1)} before the handover is settled.
     */
    public static void send(CamelContext context, ProducerTemplate template, String agency) throws Exception {
        String routeId = AgencyRoutes.handoverRouteId(agency);
        Exchange tick = ExchangeBuilder.anExchange(context).build();
        NotifyBuilder done = new NotifyBuilder(context)
                .fromRoute(routeId)
                .filter(e -> e.getExchangeId().equals(tick.getExchangeId()))
                .whenDone(1)
                .create();
        CompletableFuture<Exchange> pass = template.asyncSend(sendEndpoint(agency), tick);
        assertThat(done.matches(PASS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .as("one pass of route %s done within %s", routeId, PASS_TIMEOUT)
                .isTrue();
        assertThat(pass.get(1, TimeUnit.SECONDS).getException())
                .as("the pass ended in an exception")
                .isNull();
    }

    /** The names of the files in a folder. */
    public static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
