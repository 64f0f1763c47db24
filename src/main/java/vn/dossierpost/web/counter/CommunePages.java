package vn.dossierpost.web.counter;

import io.dropwizard.views.common.View;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.web.Staff;

/**
 * The commune picker's answers ({@code /counter/xa?q=hoan kiem&for=commune}): the first communes whose
 * name holds what was typed, diacritics aside, as buttons htmx puts under the search box; picking one
 * (mouse, or arrows and Enter) fills the form's commune code ({@code for} names which: {@code commune}
 * or {@code delivery-commune}).
 */
@Path("/counter/xa")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CommunePages {
    static final int SHOWN = 8;

    private final ReferenceDataCache referenceData;

    public CommunePages(ReferenceDataCache referenceData) {
        this.referenceData = referenceData;
    }

    /** The options; {@code for} only picks the ids they fill, so anything else falls back to the applicant's. */
    @GET
    public Options search(
            @Context ContainerRequestContext request,
            @QueryParam("q") String query,
            @QueryParam("for") @DefaultValue("commune") String target) {
        Staff.require(request, Role.COUNTER);
        String picker = target.equals("delivery-commune") ? target : "commune";
        return new Options(
                picker, query == null ? "" : query.strip(), referenceData.get().communes(query, SHOWN));
    }

    /** "Phường Hoàn Kiếm, Thành phố Hà Nội": names repeat between provinces. */
    static String label(CommuneView c) {
        return c.provinceName() == null ? c.name() : c.name() + ", " + c.provinceName();
    }

    public static final class Options extends View {
        public record Option(String code, String name, String province, String label) {}

        private final String picker;
        private final String query;
        private final List<Option> options;

        Options(String picker, String query, List<CommuneView> communes) {
            super("/templates/counter/communes.ftlh", StandardCharsets.UTF_8);
            this.picker = picker;
            this.query = query;
            this.options = communes.stream()
                    .map(c -> new Option(c.code(), c.name(), c.provinceName(), label(c)))
                    .toList();
        }

        public String getPicker() {
            return picker;
        }

        public String getQuery() {
            return query;
        }

        public List<Option> getOptions() {
            return options;
        }
    }
}
