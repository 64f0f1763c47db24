package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** Dossier codes and S10 numbers stay unique when clerks of two offices take dossiers in at once. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentIntakeTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @Test
    void parallelIntakesGetDistinctGaplessSequencesForOneAgency() throws Exception {
        APP.addUser("clerk.a", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.b", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        int n = 300;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Callable<Map<String, Object>>> calls = IntStream.range(0, n)
                .<Callable<Map<String, Object>>>mapToObj(i -> () -> {
                    Response res =
                            APP.post(i % 2 == 0 ? "clerk.a" : "clerk.b", "/api/dossiers", Dossiers.judicialRecord());
                    assertThat(res.getStatus()).isEqualTo(201);
                    return TestApp.json(res);
                })
                .toList();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Future<Map<String, Object>> f : pool.invokeAll(calls)) {
            results.add(f.get());
        }
        pool.shutdown();

        Set<String> codes = new HashSet<>();
        Set<String> s10s = new HashSet<>();
        Set<Integer> sequences = new HashSet<>();
        for (Map<String, Object> r : results) {
            codes.add((String) r.get("code"));
            s10s.add((String) r.get("s10Number"));
            DossierCode code = DossierCode.parse((String) r.get("code"));
            assertThat(code.agencyId()).isEqualTo(Dossiers.AGENCY);
            sequences.add(code.sequence());
            assertThat(S10Number.isValid((String) r.get("s10Number"))).isTrue();
        }
        assertThat(codes).hasSize(n);
        assertThat(s10s).hasSize(n);
        assertThat(sequences)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, n).boxed().toList());
    }
}
