package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {
    static final ChannelPolicy POLICY =
            new ChannelPolicy(Set.of("127.0.0.1", "LocalHost", "[::1]"), List.of(Path.of("/srv/dossierpost")));

    @Test
    void httpsAnywhereButPlainHttpOnlyToTheListedHosts() {
        assertThat(POLICY.baseUrlProblem("https://motcua.hanoi.gov.vn/api")).isEmpty();
        assertThat(POLICY.baseUrlProblem("HTTPS://motcua.hanoi.gov.vn:8443/api"))
                .isEmpty();
        assertThat(POLICY.baseUrlProblem("http://127.0.0.1:9090")).isEmpty();
        assertThat(POLICY.baseUrlProblem("http://localhost:9090/x")).isEmpty();
        assertThat(POLICY.baseUrlProblem("http://[::1]:9090/")).isEmpty();
        assertThat(POLICY.baseUrlProblem("http://motcua.hanoi.gov.vn/api"))
                .hasValueSatisfying(m -> assertThat(m).contains("https").contains("handover.allowPlainHttp"));
        assertThat(POLICY.baseUrlProblem("http://127.0.0.2/")).isPresent();
        assertThat(POLICY.baseUrlProblem("ftp://motcua.hanoi.gov.vn/api")).isPresent();
        assertThat(POLICY.baseUrlProblem("motcua.hanoi.gov.vn/api")).isPresent();
        assertThat(POLICY.baseUrlProblem("https://user:pw@motcua.hanoi.gov.vn/api"))
                .isPresent();
    }

    @Test
    void noLinkLocalNorMetadataAddressInAnyForm() {
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "https://169.254.0.1/",
                "https://[fe80::1]/",
                "https://[febf::1]/",
                "https://[::ffff:169.254.169.254]/",
                "https://[fd00:ec2::254]/",
                "https://100.100.100.200/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://METADATA.google.internal./",
                "https://metadata/",
                "https://instance-data.ec2.internal/",
                "https://2852039166/",
                "https://0xa9fea9fe/",
                "https://0251.0376.0251.0376/",
                "https://169.254.169.254.:443/")) {
            assertThat(POLICY.baseUrlProblem(url)).as(url).isPresent();
        }
        assertThat(POLICY.hostProblem("169.254.169.254")).isPresent();
        assertThat(POLICY.hostProblem("fe80::1")).isPresent();
        assertThat(POLICY.hostProblem("sftp.stp.hanoi.gov.vn")).isEmpty();
        assertThat(POLICY.hostProblem("10.0.0.7")).isEmpty();
        assertThat(POLICY.hostProblem("motcua.example.cafe"))
                .as("a hex-looking top-level domain")
                .isEmpty();
    }

    @Test
    void foldersLieStrictlyUnderARootWithoutDotDot() {
        assertThat(POLICY.folderProblem("/srv/dossierpost/so-tu-phap/den")).isEmpty();
        assertThat(POLICY.folderProblem("/srv/dossierpost/./so-tu-phap/di/")).isEmpty();
        assertThat(POLICY.folderProblem("/srv/dossierpost/../../etc"))
                .hasValueSatisfying(m -> assertThat(m).contains(".."));
        assertThat(POLICY.folderProblem("/srv/dossierpost/a/../b")).isPresent();
        assertThat(POLICY.folderProblem("/etc/cron.d"))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("/srv/dossierpost").contains("handover.fileDropRoots"));
        assertThat(POLICY.folderProblem("/srv/dossierpost"))
                .as("the root itself")
                .isPresent();
        assertThat(POLICY.folderProblem("/srv/dossierpost-other/x"))
                .as("a sibling sharing the prefix")
                .isPresent();
        assertThat(POLICY.folderProblem("so-tu-phap/den"))
                .hasValueSatisfying(m -> assertThat(m).contains("absolute"));
        assertThat(new ChannelPolicy(Set.of(), List.of()).folderProblem("/srv/dossierpost/x"))
                .hasValueSatisfying(m -> assertThat(m).contains("handover.fileDropRoots"));
    }
}
