package vn.dossierpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.Configuration;
import io.dropwizard.views.common.View;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.dossierpost.DossierpostConfiguration;

class TemplateErrorsTest {

    @Test
    void aTemplateErrorFailsTheRequestWithoutPrintingItsTraceIntoThePage() {
        FreemarkerViewRenderer renderer = new FreemarkerViewRenderer(Configuration.VERSION_2_3_34);
        renderer.configure(WebModule.views()
                .getViewConfiguration(new DossierpostConfiguration())
                .get("freemarker"));
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        View broken = new View("/templates/test/broken.ftlh", StandardCharsets.UTF_8) {};

        assertThatThrownBy(() -> renderer.render(broken, Locale.forLanguageTag("vi-VN"), page))
                .hasMessageContaining("khongCo");
        assertThat(page.toString(StandardCharsets.UTF_8))
                .doesNotContain("FTL stack trace")
                .doesNotContain("freemarker.core");
    }
}
