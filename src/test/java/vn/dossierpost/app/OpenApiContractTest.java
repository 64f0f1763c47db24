package vn.dossierpost.app;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiContractTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @Test
    void dump() throws Exception {
        String json = EXT.client().target(APP.url("/openapi.json")).request().get(String.class);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/oa/openapi.json"), json);
        String yaml = EXT.client().target(APP.url("/openapi.yaml")).request().get(String.class);
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/oa/openapi.yaml"), yaml);
    }
}
