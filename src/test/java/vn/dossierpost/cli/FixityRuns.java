package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.setup.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;

/** The {@code fixity} command run in-process on a test service's configuration, for tests of other packages. */
public final class FixityRuns {
    private FixityRuns() {}

    /** Runs it; returns what it printed, after checking that it failed exactly when {@code expectProblems}. */
    public static String run(DossierpostConfiguration config, boolean expectProblems) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixityCommand command = new FixityCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        Bootstrap<DossierpostConfiguration> bootstrap = new Bootstrap<>(new DossierpostApplication());
        if (expectProblems) {
            assertThatThrownBy(() -> command.run(bootstrap, new Namespace(Map.of()), config))
                    .isInstanceOf(FixityCommand.ProblemsFound.class)
                    .hasMessageContaining("fixity:");
        } else {
            command.run(bootstrap, new Namespace(Map.of()), config);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
